using GcmBot.Core.Data;
using GcmBot.Core.Delivery;
using GcmBot.Core.Domain;

namespace GcmBot.Core.Capture;

/// <summary>
/// Captures chat messages as contributions while a session is open in a bound channel; edits and
/// deletions on the platform are applied to what was captured.
/// </summary>
public sealed class ContributionService
{
    private readonly IMeetingStore _store;
    private readonly TimeProvider _time;
    private readonly IDisplayNotifier? _displays;

    /// <param name="displays">The organisers' overview counts captured contributions.</param>
    public ContributionService(IMeetingStore store, TimeProvider time, IDisplayNotifier? displays = null)
    {
        _store = store;
        _time = time;
        _displays = displays;
    }

    /// <summary>Returns the captured contribution, or null when the conversation has no open session.</summary>
    public async Task<Contribution?> CaptureAsync(string channel, string conversationId, string messageId, string userId, string userName, string text, CancellationToken cancellationToken)
    {
        var (contribution, room) = await CaptureInAsync(channel, conversationId, messageId, userId, userName, text, cancellationToken);
        if (room is not null)
        {
            _displays?.RoomsChanged([room]);
        }

        return contribution;
    }

    private Task<(Contribution? Contribution, string? Room)> CaptureInAsync(string channel, string conversationId, string messageId, string userId, string userName, string text, CancellationToken cancellationToken) =>
        _store.ExecuteAsync<(Contribution?, string?)>(async (data, ct) =>
        {
            if (string.IsNullOrWhiteSpace(text) || await data.FindContributionAsync(channel, messageId, ct) is not null)
            {
                return (null, null);
            }

            var session = await OpenSessionAsync(data, channel, conversationId, ct);
            if (session is null)
            {
                return (null, null);
            }

            var participant = await data.FindParticipantAsync(channel, userId, ct);
            if (participant is null)
            {
                participant = new Participant { Channel = channel, ExternalId = userId, DisplayName = userName, FirstSeenAt = _time.GetUtcNow() };
                data.Add(participant);
                await data.FlushAsync(ct);
            }

            var contribution = new Contribution
            {
                SessionId = session.Id,
                Channel = channel,
                ConversationId = conversationId,
                MessageId = messageId,
                ParticipantId = participant.Id,
                DelegationId = participant.DelegationId,
                AuthorName = participant.DisplayName,
                Text = text,
                At = _time.GetUtcNow(),
            };
            data.Add(contribution);
            return (contribution, session.Room);
        }, cancellationToken);

    public Task<bool> EditAsync(string channel, string messageId, string text, CancellationToken cancellationToken) =>
        _store.ExecuteAsync(async (data, ct) =>
        {
            var contribution = await data.FindContributionAsync(channel, messageId, ct);
            if (contribution is null || contribution.DeletedAt is not null)
            {
                return false;
            }

            contribution.Text = text;
            contribution.EditedAt = _time.GetUtcNow();
            return true;
        }, cancellationToken);

    public Task<bool> DeleteAsync(string channel, string messageId, CancellationToken cancellationToken) =>
        _store.ExecuteAsync(async (data, ct) =>
        {
            var contribution = await data.FindContributionAsync(channel, messageId, ct);
            if (contribution is null || contribution.DeletedAt is not null)
            {
                return false;
            }

            contribution.DeletedAt = _time.GetUtcNow();
            return true;
        }, cancellationToken);

    private static async Task<Session?> OpenSessionAsync(IMeetingData data, string channel, string conversationId, CancellationToken ct)
    {
        var binding = await data.GetBindingAsync(channel, conversationId, ct);
        var meeting = binding is null ? null : await data.GetMeetingAsync(ct);
        if (binding is null || meeting is null)
        {
            return null;
        }

        var sessions = await data.GetSessionsAsync(meeting.Id, ct);
        return sessions.FirstOrDefault(s => s.IsOpen
            && (s.Id == binding.SessionId || (binding.Room is not null && string.Equals(s.Room, binding.Room, StringComparison.OrdinalIgnoreCase))));
    }
}
