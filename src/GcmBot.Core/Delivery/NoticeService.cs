using GcmBot.Core.Commands;
using GcmBot.Core.Data;
using GcmBot.Core.Domain;
using GcmBot.Core.Handling;
using GcmBot.Core.Replies;
using GcmBot.Core.Speaking;
using GcmBot.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GcmBot.Core.Delivery;

/// <summary>
/// Fires due notices. Claiming sets <see cref="Notice.FiredAt"/> inside the store's serialised
/// transaction, so however many timers and instances race for a notice, one sends it.
/// </summary>
public sealed partial class NoticeService
{
    private readonly IMeetingStore _store;
    private readonly AnnouncementDispatcher _dispatcher;
    private readonly TimeProvider _time;
    private readonly ReminderRules _reminders;
    private readonly SpeakingRules _rules;
    private readonly GcmMetrics _metrics;
    private readonly ILogger<NoticeService> _logger;
    private readonly IDisplayNotifier? _displays;

    public NoticeService(
        IMeetingStore store,
        AnnouncementDispatcher dispatcher,
        TimeProvider time,
        IOptions<ReminderRules> reminders,
        IOptions<SpeakingRules> rules,
        GcmMetrics metrics,
        ILogger<NoticeService> logger,
        IDisplayNotifier? displays = null)
    {
        _store = store;
        _dispatcher = dispatcher;
        _time = time;
        _reminders = reminders.Value;
        _rules = rules.Value;
        _metrics = metrics;
        _logger = logger;
        _displays = displays;
    }

    public async Task<(FireOutcome Outcome, DateTimeOffset DueAt)> FireAsync(long noticeId, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (!await _store.TryClaimNoticeAsync(noticeId, now, cancellationToken))
        {
            var notice = await _store.ReadAsync((data, ct) => data.GetNoticeAsync(noticeId, ct), cancellationToken);
            return notice is { IsPending: true } && notice.DueAt > now ? (FireOutcome.Early, notice.DueAt) : (FireOutcome.Gone, default);
        }

        // Claimed: this call alone composes and sends. An expiry also marks the speaker's time as run out.
        var (claimed, message, participant, room) = await _store.ExecuteAsync(async (data, ct) =>
        {
            var notice = (await data.GetNoticeAsync(noticeId, ct))!;
            var person = notice.ParticipantId is { } id ? await data.GetParticipantAsync(id, ct) : null;
            var timed = notice.Kind is NoticeKind.TimerWarning or NoticeKind.TimerExpiry && notice.SessionId is { } sessionId
                ? (await data.GetSessionAsync(sessionId, ct))?.Room
                : null;
            return (notice, await ComposeAsync(data, notice, now, ct), person, timed);
        }, cancellationToken);

        // The display counts down by itself; a warning or expiry also corrects its clock and shows the state.
        if (room is not null)
        {
            _displays?.RoomsChanged([room]);
        }

        LogFired(_logger, noticeId, claimed.Kind, (now - claimed.DueAt).TotalMilliseconds);
        _metrics.NoticeFired(claimed.Kind.ToString(), now - claimed.DueAt);
        if (message is not null)
        {
            if (participant is not null)
            {
                await _dispatcher.SendPersonalAsync(participant, claimed.SessionId, message, cancellationToken);
            }
            else
            {
                await _dispatcher.DispatchAsync([new Announcement(claimed.Kind == NoticeKind.Broadcast ? null : claimed.SessionId, message)], null, cancellationToken);
            }
        }

        return (FireOutcome.Fired, claimed.DueAt);
    }

    /// <summary>The message for a notice, or null when it no longer applies (the segment already started, the session closed).</summary>
    private async Task<Reply?> ComposeAsync(IMeetingData data, Notice notice, DateTimeOffset now, CancellationToken ct)
    {
        var session = notice.SessionId is { } sessionId ? await data.GetSessionAsync(sessionId, ct) : null;
        switch (notice.Kind)
        {
            case NoticeKind.Broadcast:
                return new Reply(notice.Text) { Title = "Announcement from the secretariat" };
            case NoticeKind.TimerWarning or NoticeKind.TimerExpiry:
                var intervention = notice.InterventionId is { } id ? await data.GetInterventionAsync(id, ct) : null;
                // A timer paused, stopped or extended after the claim no longer warns or expires now.
                if (intervention is not { TimerState: TimerState.Running } || session is null
                    || (notice.Kind == NoticeKind.TimerExpiry && intervention.Deadline > now))
                {
                    return null;
                }

                var speaker = intervention.DelegationId is { } delegationId
                    ? (await data.GetDelegationAsync(delegationId, ct))?.Name
                    : intervention.SpeakerName;
                if (notice.Kind == NoticeKind.TimerWarning)
                {
                    return new Reply($"{DurationParser.Format(_reminders.TimerWarning)} left for **{speaker}**.")
                    {
                        Title = $"{session.Code}: time warning",
                        Deadline = intervention.Deadline,
                    };
                }

                intervention.TimerState = TimerState.Expired;
                return new Reply($"Time is up for **{speaker}** ({DurationParser.Format(intervention.Allotted)}).")
                {
                    Title = $"{session.Code}: time is up",
                    Actions = [new ReplyAction("Next", "/next", ActionStyle.Primary), new ReplyAction("+1 min", "/timer extend 1m")],
                };
            case NoticeKind.Reminder or NoticeKind.SessionReminder when session is not null:
                var meeting = await data.GetMeetingAsync(ct);
                var starts = meeting is null ? session.StartsAt : meeting.ToLocal(session.StartsAt);
                return new Reply($"**{session.Code} — {session.Title}** starts at {starts:HH:mm} in {session.Room}.") { Title = "Reminder" };
            case NoticeKind.StakeholderSegment when session is { IsOpen: true, CurrentSegment: Segment.Main }:
                return new Reply($"Moderator: {DurationParser.Format(_reminders.StakeholderSegment)} remain in {session.Code}. Time to start the stakeholder segment (`stakeholders`) so that at least {_rules.StakeholderSlots} stakeholders can speak.")
                {
                    Title = $"{session.Code}: stakeholder segment",
                    Actions = [new ReplyAction("Start stakeholder segment", "/stakeholders", ActionStyle.Primary)],
                };
            case NoticeKind.DelegationRequest:
                var requester = notice.CreatedByParticipantId is { } requesterId ? await data.GetParticipantAsync(requesterId, ct) : null;
                var recipient = notice.ParticipantId is { } recipientId ? await data.GetParticipantAsync(recipientId, ct) : null;
                return requester is null || recipient is null ? null : await MembershipCommands.RequestMessageAsync(data, requester, recipient, ct);
            case NoticeKind.Personal:
                return Reply.Private(notice.Text) with { Title = "Your delegation" };
            case NoticeKind.SessionEnding when session is { IsOpen: true }:
                return new Reply($"Moderator: {DurationParser.Format(_reminders.SessionEnding)} remain in {session.Code}. Time for concluding remarks (`floor closing`); the moderator may give the floor to the rapporteur.")
                {
                    Title = $"{session.Code}: time nearly up",
                };
            default:
                return null;
        }
    }

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Notice {NoticeId} ({Kind}) fired {LatenessMs:F0} ms after its due time")]
    private static partial void LogFired(ILogger logger, long noticeId, NoticeKind kind, double latenessMs);
}
