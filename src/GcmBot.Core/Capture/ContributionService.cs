using System.Globalization;
using GcmBot.Core.Commands;
using GcmBot.Core.Data;
using GcmBot.Core.Delivery;
using GcmBot.Core.Domain;
using GcmBot.Core.Localisation;

namespace GcmBot.Core.Capture;

/// <summary>
/// Captures chat messages as contributions while a session is open in a bound channel; edits and
/// deletions on the platform are applied to what was captured. A message that reads as a command typed without
/// its slash (<c>speak</c>, <c>register Atlantis</c>) is not a contribution.
/// </summary>
public sealed class ContributionService
{
    /// <summary>A remark is longer than this; a command with its arguments rarely is (<c>list move Mexico 1</c>).</summary>
    private const int MaxCommandWords = 4;

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

    /// <summary>Captures the message when the conversation's session is open, or says why it was not recorded.</summary>
    public Task<CaptureResult> CaptureAsync(string channel, string conversationId, string messageId, string userId, string userName, string text, CancellationToken cancellationToken) =>
        CaptureAsync(channel, conversationId, messageId, userId, userName, text, Roles.None, cancellationToken);

    /// <summary>Captures the message when the conversation's session is open, or says why it was not recorded.</summary>
    /// <param name="newParticipantRoles">Roles the author gets if this message is their first contact (as <c>Inbound.NewParticipantRoles</c>).</param>
    public async Task<CaptureResult> CaptureAsync(string channel, string conversationId, string messageId, string userId, string userName, string text, Roles newParticipantRoles, CancellationToken cancellationToken)
    {
        var (result, room) = await CaptureInAsync(channel, conversationId, messageId, userId, userName, text, newParticipantRoles, cancellationToken);
        if (room is not null)
        {
            _displays?.RoomsChanged([room]);
        }

        return result;
    }

    private Task<(CaptureResult Result, string? Room)> CaptureInAsync(string channel, string conversationId, string messageId, string userId, string userName, string text, Roles newParticipantRoles, CancellationToken cancellationToken) =>
        _store.ExecuteAsync<(CaptureResult, string?)>(async (data, ct) =>
        {
            if (string.IsNullOrWhiteSpace(text) || await data.FindContributionAsync(channel, messageId, ct) is not null)
            {
                return (CaptureResult.Nothing, null);
            }

            if (ControlCharacters.InText(text, "This message", Texts.English) is { } refused)
            {
                return (new CaptureResult(null, $"{refused} It was not recorded as a contribution."), null);
            }

            if (CommandWithoutSlash(text) is { } command)
            {
                return (new CaptureResult(null, $"“{text.Trim()}” reads as the command `/{command}`, so it was not recorded as a contribution. "
                    + $"Commands start with `/`: type `/{text.Trim()}`. If it was a remark, say it in a few more words."), null);
            }

            var binding = await data.GetBindingAsync(channel, conversationId, ct);
            var meeting = binding is null ? null : await data.GetMeetingAsync(ct);
            if (binding is null || meeting is null)
            {
                // Not a meeting conversation: ordinary chat, nothing to say about it.
                return (CaptureResult.Nothing, null);
            }

            var bound = (await data.GetSessionsAsync(meeting.Id, ct))
                .Where(s => s.Id == binding.SessionId || (binding.Room is not null && string.Equals(s.Room, binding.Room, StringComparison.OrdinalIgnoreCase)))
                .ToList();
            var session = bound.FirstOrDefault(s => s.IsOpen);
            if (session is null)
            {
                return (new CaptureResult(null, NoSessionOpen(meeting, bound)), null);
            }

            var participant = await data.FindParticipantAsync(channel, userId, ct);
            if (participant is null && ControlCharacters.InName(userName, "Your name", Texts.English) is { } badName)
            {
                return (new CaptureResult(null, $"{badName} This message was not recorded as a contribution."), null);
            }

            if (participant is null)
            {
                participant = new Participant { Channel = channel, ExternalId = userId, DisplayName = userName, Roles = newParticipantRoles, FirstSeenAt = _time.GetUtcNow() };
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
            return (new CaptureResult(contribution, null), session.Room);
        }, cancellationToken);

    /// <summary>The command a short message spells without its slash, or null.</summary>
    private static string? CommandWithoutSlash(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith('/') || trimmed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length > MaxCommandWords)
        {
            return null;
        }

        return CommandParser.Parse(trimmed).Command is { } command ? CommandNames.For(command.Language, command.Definition.Id) : null;
    }

    private static string NoSessionOpen(Meeting meeting, IReadOnlyList<Session> bound)
    {
        var closed = bound.Where(s => s.ClosedAt is not null).MaxBy(s => s.ClosedAt);
        return closed is null
            ? "No session is open here yet, so this was not recorded as a contribution. It is recorded once the moderator opens the session."
            : $"{closed.Code} closed at {meeting.ToLocal(closed.ClosedAt!.Value).ToString("HH:mm", CultureInfo.InvariantCulture)}, so this was not recorded as a contribution to it.";
    }

    public Task<bool> EditAsync(string channel, string messageId, string text, CancellationToken cancellationToken) =>
        _store.ExecuteAsync(async (data, ct) =>
        {
            var contribution = await data.FindContributionAsync(channel, messageId, ct);
            // An edit that could not be saved leaves the text captured before.
            if (contribution is null || contribution.DeletedAt is not null || ControlCharacters.InText(text, "The edit", Texts.English) is not null)
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
}
