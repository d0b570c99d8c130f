using GcmBot.Core.Data;
using GcmBot.Core.Domain;
using GcmBot.Core.Localisation;
using GcmBot.Core.Replies;
using Microsoft.Extensions.Logging;

namespace GcmBot.Core.Delivery;

/// <summary>
/// Delivers announcements to the conversations bound to their session (directly or through its room),
/// or to every bound conversation. A failing channel is logged and does not stop the others.
/// </summary>
public sealed partial class AnnouncementDispatcher
{
    private readonly IMeetingStore _store;
    private readonly Dictionary<string, IChannelDelivery> _deliveries;
    private readonly ILogger<AnnouncementDispatcher> _logger;

    public AnnouncementDispatcher(IMeetingStore store, IEnumerable<IChannelDelivery> deliveries, ILogger<AnnouncementDispatcher> logger)
    {
        _store = store;
        _deliveries = deliveries.ToDictionary(d => d.Channel, StringComparer.OrdinalIgnoreCase);
        _logger = logger;
    }

    /// <param name="except">The conversation the command came from: it already has the reply.</param>
    public async Task DispatchAsync(IReadOnlyList<Announcement> announcements, (string Channel, string ConversationId)? except, CancellationToken cancellationToken)
    {
        if (announcements.Count == 0)
        {
            return;
        }

        var (bindings, sessions, meeting, members) = await _store.ReadAsync(async (data, ct) =>
        {
            var sessions = new Dictionary<int, Session>();
            foreach (var id in announcements.Select(a => a.SessionId).OfType<int>().Distinct())
            {
                if (await data.GetSessionAsync(id, ct) is { } session)
                {
                    sessions.Add(id, session);
                }
            }

            var members = new Dictionary<int, IReadOnlyList<Participant>>();
            foreach (var id in announcements.Select(a => a.Delegation).OfType<int>().Distinct())
            {
                members.Add(id, await data.GetMembersAsync(id, ct));
            }

            return (await data.GetBindingsAsync(ct), sessions, await data.GetMeetingAsync(ct), members);
        }, cancellationToken);

        foreach (var announcement in announcements)
        {
            if (announcement.Delegation is { } delegation)
            {
                foreach (var member in members[delegation].Where(m => announcement.Channel is null || string.Equals(m.Channel, announcement.Channel, StringComparison.OrdinalIgnoreCase)))
                {
                    try
                    {
                        await SendPersonalAsync(member, announcement.SessionId, announcement.For(Texts.ForPerson(member, meeting?.DefaultLanguage)), cancellationToken);
                    }
                    catch (Exception failure) when (failure is not OperationCanceledException)
                    {
                        LogPersonalFailed(_logger, failure, member.Channel, member.Id);
                    }
                }

                continue;
            }

            foreach (var binding in bindings.Where(b => Targets(b, announcement, sessions) && (b.Channel, b.ConversationId) != except))
            {
                if (!_deliveries.TryGetValue(binding.Channel, out var delivery))
                {
                    continue;
                }

                try
                {
                    await delivery.SendAsync(binding, announcement.For(Texts.For(binding.Language, meeting?.DefaultLanguage)), cancellationToken);
                }
                catch (Exception failure) when (failure is not OperationCanceledException)
                {
                    LogDeliveryFailed(_logger, failure, binding.Channel, binding.Id);
                }
            }
        }
    }

    private static bool Targets(ChannelBinding binding, Announcement announcement, IReadOnlyDictionary<int, Session> sessions) =>
        (announcement.Channel is null || string.Equals(binding.Channel, announcement.Channel, StringComparison.OrdinalIgnoreCase))
        && Follows(binding, announcement, sessions);

    private static bool Follows(ChannelBinding binding, Announcement announcement, IReadOnlyDictionary<int, Session> sessions) =>
        announcement.Room is { } room ? string.Equals(binding.Room, room, StringComparison.OrdinalIgnoreCase)
        : announcement.SessionId is not { } id
        || binding.SessionId == id
        || (binding.Room is not null && sessions.TryGetValue(id, out var session) && string.Equals(session.Room, binding.Room, StringComparison.OrdinalIgnoreCase));

    /// <summary>A direct message where the person's channel has one; otherwise nothing is posted, and the gap is logged.</summary>
    public async Task SendPersonalAsync(Participant participant, int? sessionId, Reply message, CancellationToken cancellationToken)
    {
        // What concerns one person goes to that person only: never a post in a room, which may not even be theirs.
        if (!_deliveries.TryGetValue(participant.Channel, out var delivery) || !await delivery.SendDirectAsync(participant, message, cancellationToken))
        {
            LogNoDirectRoute(_logger, participant.Channel, participant.Id, sessionId);
        }
    }

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "No private route to participant {ParticipantId} on {Channel} for session {SessionId}: the personal message was not posted anywhere")]
    private static partial void LogNoDirectRoute(ILogger logger, string channel, int participantId, int? sessionId);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "A personal message to participant {ParticipantId} on {Channel} failed")]
    private static partial void LogPersonalFailed(ILogger logger, Exception exception, string channel, int participantId);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Delivery to {Channel} binding {BindingId} failed")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception, string channel, int bindingId);
}
