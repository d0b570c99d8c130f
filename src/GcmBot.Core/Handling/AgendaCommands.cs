using System.Globalization;
using GcmBot.Core.Delivery;
using GcmBot.Core.Domain;
using GcmBot.Core.Localisation;
using GcmBot.Core.Replies;

namespace GcmBot.Core.Handling;

/// <summary>The organisers' changes to the agenda, announced to the channels they affect.</summary>
internal static class AgendaCommands
{
    public static async Task<CommandResult> MoveAsync(CommandContext context)
    {
        var session = await context.FindSessionAsync(context.Command["session"]!);
        var localStart = context.Meeting.ToLocal(session.StartsAt);
        var date = DateOnly.FromDateTime(localStart.DateTime);
        var start = Instant(context, date, context.Command["start"]!);
        var end = context.Command["end"] is { } endText ? Instant(context, date, endText) : start + (session.EndsAt - session.StartsAt);
        if (end <= start)
        {
            throw new CommandException(context.T("Staff.Agenda.EndBeforeStart"));
        }

        // The agenda is by day: a session that would run past midnight belongs to another day's agenda.
        if (DateOnly.FromDateTime(context.Meeting.ToLocal(end).DateTime) != date && context.Meeting.ToLocal(end).TimeOfDay != TimeSpan.Zero)
        {
            throw new CommandException(context.T("Staff.Agenda.AfterMidnight", session.Code, context.Local(end, context.T("Format.DayTime")), context.Local(session.StartsAt, context.T("Format.DayMonth"))));
        }

        var overlaps = (await context.SessionsAsync())
            .Where(s => s.Id != session.Id && s.Kind != SessionKind.Break && string.Equals(s.Room, session.Room, StringComparison.OrdinalIgnoreCase)
                && s.StartsAt < end && start < s.EndsAt)
            .Select(s => $"{s.Code} ({context.Local(s.StartsAt)}–{context.Local(s.EndsAt)})").ToList();

        var before = $"{context.Local(session.StartsAt)}–{context.Local(session.EndsAt)}";
        var shift = start - session.StartsAt;
        session.StartsAt = start;
        session.EndsAt = end;
        await ReplanAsync(context, session, shift);
        Reply Moved(Texts texts) => new(texts.Format("Agenda.Moved", session.Code, session.Title, context.Local(start, texts, "HH:mm"), context.Local(end, texts, "HH:mm"), before, session.Room))
        {
            Title = texts.Format("Agenda.ChangeTitle"),
        };
        var reply = Moved(context.Texts);
        var warning = overlaps.Count == 0 ? "" : "\n\n" + context.T("Staff.Agenda.Overlap", string.Join(", ", overlaps), session.Room, session.Code);
        return CommandResult.Of(reply with { Text = reply.Text + warning }, Announcement.Localised(session.Id, Moved));
    }

    public static async Task<CommandResult> RoomAsync(CommandContext context)
    {
        var session = await context.FindSessionAsync(context.Command["session"]!);
        var room = context.Command["room"]!.Trim();
        var isNew = room.EndsWith(" new", StringComparison.OrdinalIgnoreCase);
        room = isNew ? room[..^4].TrimEnd() : room;
        if (room.Length is 0 or > 100)
        {
            throw new CommandException(context.T("Staff.Agenda.RoomLength"));
        }

        // A typo must not become a room in every delegate's picker: only a room said to be new is added.
        var rooms = (await context.SessionsAsync()).Select(s => s.Room).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var known = rooms.FirstOrDefault(r => string.Equals(r, room, StringComparison.OrdinalIgnoreCase));
        if (known is null && !isNew)
        {
            throw new CommandException(context.T("Staff.Agenda.NoRoom", room, string.Join(", ", rooms.Order(StringComparer.Ordinal)), session.Code));
        }

        room = known ?? room;

        var before = session.Room;
        session.Room = room;
        Reply Moved(Texts texts) => new(texts.Format("Agenda.RoomMoved", session.Code, session.Title, before, room, context.Local(session.StartsAt, texts, texts.Format("Format.DayTime")), context.Local(session.EndsAt, texts, "HH:mm")))
        {
            Title = texts.Format("Agenda.ChangeTitle"),
        };
        // The old room's channels, then the session's (its own and the new room's).
        return CommandResult.Of(Moved(context.Texts), Announcement.Localised(null, Moved) with { Room = before }, Announcement.Localised(session.Id, Moved));
    }

    /// <summary>Reminders follow the new times: the session reminder, each person's (same lead), and the moderator's if it is open.</summary>
    private static async Task ReplanAsync(CommandContext context, Session session, TimeSpan shift)
    {
        foreach (var personal in await context.Data.GetPendingNoticesAsync(session.Id, null, NoticeKind.Reminder, context.CancellationToken))
        {
            // A replacement rather than an edit: the timer armed for the old instant finds its notice cancelled.
            personal.CancelledAt = context.Now;
            var dueAt = personal.DueAt + shift;
            context.Schedule(NoticeKind.Reminder, dueAt > context.Now ? dueAt : context.Now, session.Id, participantId: personal.ParticipantId);
        }

        await context.Data.FlushAsync(context.CancellationToken);
        context.Scheduled.AddRange(await SessionReminders.PlanAsync(context.Data, context.Now, context.Reminders, context.CancellationToken));
        if (session.IsOpen)
        {
            await context.CancelNoticesAsync(session.Id, null, NoticeKind.StakeholderSegment);
            await context.CancelNoticesAsync(session.Id, null, NoticeKind.SessionEnding);
            ChairCommands.ScheduleModeratorReminders(context, session);
        }
    }

    private static DateTimeOffset Instant(CommandContext context, DateOnly date, string text)
    {
        if (!TimeOnly.TryParseExact(text, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            throw new CommandException(context.T("Staff.Agenda.NotTime", text));
        }

        var local = date.ToDateTime(time);
        return new DateTimeOffset(local, context.Meeting.TimeZone.GetUtcOffset(local)).ToUniversalTime();
    }
}
