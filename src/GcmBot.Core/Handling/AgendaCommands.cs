using System.Globalization;
using GcmBot.Core.Delivery;
using GcmBot.Core.Domain;
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
            throw new CommandException("A session must end after it starts.");
        }

        // The agenda is by day: a session that would run past midnight belongs to another day's agenda.
        if (DateOnly.FromDateTime(context.Meeting.ToLocal(end).DateTime) != date && context.Meeting.ToLocal(end).TimeOfDay != TimeSpan.Zero)
        {
            throw new CommandException($"{session.Code} would end at {context.Local(end, "ddd d MMM HH:mm")}, after midnight: a session stays within its day ({context.Local(session.StartsAt, "ddd d MMM")}). Nothing was changed.");
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
        var reply = new Reply($"**{session.Code} — {session.Title}** now runs {context.Local(start)}–{context.Local(end)} (was {before}), in {session.Room}.")
        {
            Title = "Agenda change",
        };
        var warning = overlaps.Count == 0 ? "" : $"\n\nNote: it now overlaps {string.Join(", ", overlaps)} in {session.Room}. `session room {session.Code} to <room>` moves it elsewhere.";
        return CommandResult.Of(reply with { Text = reply.Text + warning }, new Announcement(session.Id, reply));
    }

    public static async Task<CommandResult> RoomAsync(CommandContext context)
    {
        var session = await context.FindSessionAsync(context.Command["session"]!);
        var room = context.Command["room"]!.Trim();
        var isNew = room.EndsWith(" new", StringComparison.OrdinalIgnoreCase);
        room = isNew ? room[..^4].TrimEnd() : room;
        if (room.Length is 0 or > 100)
        {
            throw new CommandException("A room name must have between 1 and 100 characters.");
        }

        // A typo must not become a room in every delegate's picker: only a room said to be new is added.
        var rooms = (await context.SessionsAsync()).Select(s => s.Room).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var known = rooms.FirstOrDefault(r => string.Equals(r, room, StringComparison.OrdinalIgnoreCase));
        if (known is null && !isNew)
        {
            throw new CommandException($"The meeting has no room `{room}` (rooms: {string.Join(", ", rooms.Order(StringComparer.Ordinal))}). If it is a new room, say so: `session room {session.Code} to {room} new`. Nothing was changed.");
        }

        room = known ?? room;

        var before = session.Room;
        session.Room = room;
        var reply = new Reply($"**{session.Code} — {session.Title}** moves from {before} to **{room}** ({context.Local(session.StartsAt, "ddd d MMM HH:mm")}–{context.Local(session.EndsAt)}).")
        {
            Title = "Agenda change",
        };
        // The old room's channels, then the session's (its own and the new room's).
        return CommandResult.Of(reply, new Announcement(null, reply, Room: before), new Announcement(session.Id, reply));
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
            throw new CommandException($"`{text}` is not a time: use HH:mm, venue time.");
        }

        var local = date.ToDateTime(time);
        return new DateTimeOffset(local, context.Meeting.TimeZone.GetUtcOffset(local)).ToUniversalTime();
    }
}
