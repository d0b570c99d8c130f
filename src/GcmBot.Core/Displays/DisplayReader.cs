using System.Globalization;
using GcmBot.Core.Data;
using GcmBot.Core.Domain;
using GcmBot.Core.Handling;
using GcmBot.Core.Localisation;
using GcmBot.Core.Speaking;

namespace GcmBot.Core.Displays;

/// <summary>Reads what the room displays and the organisers' overview show, from one snapshot of the store.</summary>
public static class DisplayReader
{
    /// <summary>Sessions starting before this hour (venue time) belong to the morning.</summary>
    private const int AfternoonFromHour = 13;
    private const int NextShown = 5;

    /// <summary>The meeting's rooms (breaks excluded), in agenda order.</summary>
    public static async Task<IReadOnlyList<string>> RoomsAsync(IMeetingData data, CancellationToken cancellationToken)
    {
        var meeting = await data.GetMeetingAsync(cancellationToken);
        return meeting is null ? [] : Rooms(await data.GetSessionsAsync(meeting.Id, cancellationToken));
    }

    /// <summary>The room's display: its open session, else the one running now, else the next, else the last one. Null for an unknown room.</summary>
    public static async Task<RoomDisplay?> ReadRoomAsync(IMeetingData data, string room, DateTimeOffset now, ReminderRules reminders, CancellationToken cancellationToken)
    {
        var meeting = await data.GetMeetingAsync(cancellationToken);
        if (meeting is null)
        {
            return null;
        }

        var sessions = await data.GetSessionsAsync(meeting.Id, cancellationToken);
        var name = Rooms(sessions).FirstOrDefault(r => string.Equals(r, room, StringComparison.OrdinalIgnoreCase));
        if (name is null)
        {
            return null;
        }

        var inRoom = InRoom(sessions, name);
        var session = Current(inRoom, now)
            ?? inRoom.Where(s => s.StartsAt > now).MinBy(s => s.StartsAt)
            ?? inRoom.MaxBy(s => s.StartsAt);
        return await ReadAsync(data, meeting, name, session, now, reminders, await RoomTextsAsync(data, meeting, name, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// The language a room's display speaks: the one set on a conversation bound to the room (<c>language room</c>),
    /// else the meeting's default, else English.
    /// </summary>
    public static async Task<Texts> RoomTextsAsync(IMeetingData data, Meeting? meeting, string room, CancellationToken cancellationToken)
    {
        var bindings = await data.GetBindingsAsync(cancellationToken);
        var own = bindings.FirstOrDefault(b => b.Language is not null && string.Equals(b.Room, room, StringComparison.OrdinalIgnoreCase))?.Language;
        return Texts.For(own, meeting?.DefaultLanguage);
    }

    /// <summary>Every room of the current half-day: the one running now, or else the next one that has sessions.</summary>
    public static async Task<OverviewDisplay?> ReadOverviewAsync(IMeetingData data, DateTimeOffset now, ReminderRules reminders, CancellationToken cancellationToken)
    {
        var meeting = await data.GetMeetingAsync(cancellationToken);
        if (meeting is null)
        {
            return null;
        }

        var sessions = (await data.GetSessionsAsync(meeting.Id, cancellationToken)).Where(s => s.Kind != SessionKind.Break).ToList();
        var anchor = sessions.FirstOrDefault(s => s.IsOpen)
            ?? sessions.FirstOrDefault(s => s.StartsAt <= now && now < s.EndsAt)
            ?? sessions.Where(s => s.StartsAt > now).MinBy(s => s.StartsAt)
            ?? sessions.MaxBy(s => s.StartsAt);
        var texts = Texts.For(meeting.DefaultLanguage);
        if (anchor is null)
        {
            return new OverviewDisplay(meeting.Title, texts.Format("Agenda.NoSessions"), now, []);
        }

        var half = HalfDay(meeting, anchor);
        var halfSessions = sessions.Where(s => HalfDay(meeting, s) == half).ToList();
        var rooms = new List<RoomDisplay>();
        foreach (var room in Rooms(halfSessions))
        {
            var inRoom = InRoom(halfSessions, room);
            var session = Current(inRoom, now)
                ?? inRoom.Where(s => s.StartsAt > now).MinBy(s => s.StartsAt)
                ?? inRoom.MaxBy(s => s.StartsAt);
            rooms.Add(await ReadAsync(data, meeting, room, session, now, reminders, await RoomTextsAsync(data, meeting, room, cancellationToken), cancellationToken));
        }

        var label = texts.Format(half.Morning ? "Display.Morning" : "Display.Afternoon", texts.Date(meeting.ToLocal(anchor.StartsAt), "Format.LongDate"));
        return new OverviewDisplay(meeting.Title, label, now, rooms);
    }

    private static async Task<RoomDisplay> ReadAsync(IMeetingData data, Meeting meeting, string room, Session? session, DateTimeOffset now, ReminderRules reminders, Texts texts, CancellationToken ct)
    {
        FloorView? floor = null;
        IReadOnlyList<WaitingView> next = [];
        int waiting = 0, stakeholders = 0, cards = 0, contributions = 0;
        if (session is not null)
        {
            var current = session.CurrentInterventionId is { } id ? await data.GetInterventionAsync(id, ct) : null;
            if (current is { EndedAt: null })
            {
                floor = await FloorAsync(data, current, now, texts, ct);
            }

            var allowances = (await data.GetAllowancesAsync(session.Id, ct)).ToDictionary(a => a.DelegationId, a => a.Seconds);
            var ordered = new SpeakersList(session, await data.GetWaitingAsync(session.Id, ct), allowances).Ordered;
            var shown = ordered.Take(NextShown).ToList();
            var delegations = await data.GetDelegationsAsync(shown.Select(e => e.DelegationId), ct);
            next = [.. shown.Select((e, i) => new WaitingView(
                i + 1,
                delegations[e.DelegationId].Name,
                texts.Category(delegations[e.DelegationId].Category),
                CategoryNames.Token(delegations[e.DelegationId].Category),
                Token(e.Segment.ToString()),
                Token(e.Kind.ToString()),
                QueueView.Kind(texts, e.Kind)))];
            waiting = ordered.Count;
            stakeholders = ordered.Count(e => e.Segment == Segment.Stakeholders);
            cards = (await data.GetCardsAsync(session.Id, null, ct)).Count(c => !c.IsWithdrawn);
            contributions = await data.CountContributionsAsync(session.Id, ct);
        }

        return new RoomDisplay(
            room,
            meeting.Title,
            meeting.TimeZoneId,
            now,
            (int)reminders.TimerWarning.TotalSeconds,
            session is null ? null : View(meeting, session, texts),
            floor,
            next,
            waiting,
            stakeholders,
            cards,
            contributions,
            texts.Language.Code,
            texts.Language.RightToLeft,
            session?.ListVersion ?? 0);
    }

    private static async Task<FloorView> FloorAsync(IMeetingData data, Intervention current, DateTimeOffset now, Texts texts, CancellationToken ct)
    {
        var delegation = current.DelegationId is { } delegationId ? await data.GetDelegationAsync(delegationId, ct) : null;
        var kind = current.Kind == InterventionKind.Reply ? "reply" : Token(current.Kind.ToString());
        return new FloorView(
            delegation?.Name ?? current.SpeakerName ?? texts.Format("Display.Speaker"),
            delegation is null ? null : texts.Category(delegation.Category),
            delegation is null ? null : CategoryNames.Token(delegation.Category),
            kind,
            Token(current.Segment.ToString()),
            current.StartedAt,
            current.AllottedSeconds,
            Token(current.TimerState.ToString()),
            current.TimerState is TimerState.Running or TimerState.Expired ? current.Deadline : null,
            current.TimerState == TimerState.Paused ? SpeakingTimer.Remaining(current, now).TotalSeconds : null,
            texts.Format($"Display.Kind.{current.Kind}"));
    }

    private static SessionView View(Meeting meeting, Session session, Texts texts)
    {
        var starts = meeting.ToLocal(session.StartsAt);
        return new SessionView(
            session.Code,
            session.Title,
            Token(session.Kind.ToString()),
            Token(session.Status.ToString()),
            texts.Date(starts, "Format.LongDate"),
            starts.ToString("HH:mm", CultureInfo.InvariantCulture),
            meeting.ToLocal(session.EndsAt).ToString("HH:mm", CultureInfo.InvariantCulture),
            session.Dimension,
            session.Moderators,
            session.Rapporteurs,
            session.ListOpen,
            Token(session.CurrentSegment.ToString()),
            session.Flexible);
    }

    private static Session? Current(List<Session> inRoom, DateTimeOffset now) =>
        inRoom.FirstOrDefault(s => s.IsOpen) ?? inRoom.FirstOrDefault(s => s.StartsAt <= now && now < s.EndsAt);

    private static List<Session> InRoom(IEnumerable<Session> sessions, string room) =>
        [.. sessions.Where(s => s.Kind != SessionKind.Break && string.Equals(s.Room, room, StringComparison.OrdinalIgnoreCase))];

    private static List<string> Rooms(IEnumerable<Session> sessions) =>
        [.. sessions.Where(s => s.Kind != SessionKind.Break).OrderBy(s => s.StartsAt).Select(s => s.Room).Distinct(StringComparer.OrdinalIgnoreCase)];

    private static (DateOnly Date, bool Morning) HalfDay(Meeting meeting, Session session)
    {
        var local = meeting.ToLocal(session.StartsAt);
        return (DateOnly.FromDateTime(local.DateTime), local.Hour < AfternoonFromHour);
    }

    private static string Token(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
