using GcmBot.Core.Data;
using GcmBot.Core.Domain;
using GcmBot.Core.Localisation;
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
        var (claimed, message, participant, room, meetingLanguage) = await _store.ExecuteAsync(async (data, ct) =>
        {
            var notice = (await data.GetNoticeAsync(noticeId, ct))!;
            var person = notice.ParticipantId is { } id ? await data.GetParticipantAsync(id, ct) : null;
            var timed = notice.Kind is NoticeKind.TimerWarning or NoticeKind.TimerExpiry && notice.SessionId is { } sessionId
                ? (await data.GetSessionAsync(sessionId, ct))?.Room
                : null;
            var meeting = await data.GetMeetingAsync(ct);
            return (notice, await ComposeAsync(data, meeting, notice, now, ct), person, timed, meeting?.DefaultLanguage);
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
                var texts = Texts.ForPerson(participant, meetingLanguage);
                await _dispatcher.SendPersonalAsync(participant, claimed.SessionId, message(texts) with { Language = texts.Language.Code }, cancellationToken);
            }
            else
            {
                await _dispatcher.DispatchAsync([Announcement.Localised(claimed.Kind == NoticeKind.Broadcast ? null : claimed.SessionId, message)], null, cancellationToken);
            }
        }

        return (FireOutcome.Fired, claimed.DueAt);
    }

    /// <summary>
    /// The message for a notice in a given language (each room and person gets their own), or null when it no longer
    /// applies (the segment already started, the session closed).
    /// </summary>
    private async Task<Func<Texts, Reply>?> ComposeAsync(IMeetingData data, Meeting? meeting, Notice notice, DateTimeOffset now, CancellationToken ct)
    {
        var session = notice.SessionId is { } sessionId ? await data.GetSessionAsync(sessionId, ct) : null;
        switch (notice.Kind)
        {
            case NoticeKind.Broadcast:
                return texts => new Reply(notice.Text) { Title = texts.Format("Notice.Announcement") };
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
                    return texts => new Reply(texts.Format("Notice.Warning", texts.Duration(_reminders.TimerWarning), speaker))
                    {
                        Title = texts.Format("Notice.WarningTitle", session.Code),
                        Deadline = intervention.Deadline,
                    };
                }

                intervention.TimerState = TimerState.Expired;
                return texts => new Reply(texts.Format("Notice.Expired", speaker, texts.Duration(intervention.Allotted)))
                {
                    Title = texts.Format("Notice.ExpiredTitle", session.Code),
                    Actions = [new ReplyAction(texts.Format("Action.Next"), "/next", ActionStyle.Primary), new ReplyAction(texts.Format("Action.ExtendMinute"), "/timer extend 1m")],
                };
            case NoticeKind.Reminder or NoticeKind.SessionReminder when session is not null:
                var starts = meeting is null ? session.StartsAt : meeting.ToLocal(session.StartsAt);
                return texts => new Reply(texts.Format("Notice.Reminder", session.Code, session.Title, starts.ToString("HH:mm", texts.Culture), session.Room)) { Title = texts.Format("Notice.ReminderTitle") };
            case NoticeKind.StakeholderSegment when session is { IsOpen: true, CurrentSegment: Segment.Main }:
                return texts => new Reply(texts.Format("Staff.Notice.Stakeholders", texts.Duration(_reminders.StakeholderSegment), session.Code, _rules.StakeholderSlots))
                {
                    Title = texts.Format("Staff.Notice.StakeholdersTitle", session.Code),
                    Actions = [new ReplyAction(texts.Format("Staff.Notice.StartStakeholders"), "/stakeholders", ActionStyle.Primary)],
                };
            case NoticeKind.DelegationRequest:
                var requester = notice.CreatedByParticipantId is { } requesterId ? await data.GetParticipantAsync(requesterId, ct) : null;
                var recipient = notice.ParticipantId is { } recipientId ? await data.GetParticipantAsync(recipientId, ct) : null;
                return requester is null || recipient is null ? null : await MembershipCommands.RequestMessageAsync(data, requester, recipient, ct);
            case NoticeKind.Personal:
                return texts => Reply.Private(notice.Text) with { Title = texts.Format("Notice.DelegationTitle") };
            case NoticeKind.SessionEnding when session is { IsOpen: true }:
                return texts => new Reply(texts.Format("Staff.Notice.Ending", texts.Duration(_reminders.SessionEnding), session.Code))
                {
                    Title = texts.Format("Staff.Notice.EndingTitle", session.Code),
                };
            default:
                return null;
        }
    }

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Notice {NoticeId} ({Kind}) fired {LatenessMs:F0} ms after its due time")]
    private static partial void LogFired(ILogger logger, long noticeId, NoticeKind kind, double latenessMs);
}
