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

        var before = $"{context.Local(session.StartsAt)}–{context.Local(session.EndsAt)}";
        session.StartsAt = start;
        session.EndsAt = end;
        await ReplanAsync(context, session);
        var reply = new Reply($"**{session.Code} — {session.Title}** now runs {context.Local(start)}–{context.Local(end)} (was {before}), in {session.Room}.")
        {
            Title = "Agenda change",
        };
        return CommandResult.Of(reply, new Announcement(session.Id, reply));
    }

    public static async Task<CommandResult> RoomAsync(CommandContext context)
    {
        var session = await context.FindSessionAsync(context.Command["session"]!);
        var room = context.Command["room"]!.Trim();
        if (room.Length is 0 or > 100)
        {
            throw new CommandException("A room name must have between 1 and 100 characters.");
        }

        var before = session.Room;
        session.Room = room;
        var reply = new Reply($"**{session.Code} — {session.Title}** moves from {before} to **{room}** ({context.Local(session.StartsAt, "ddd d MMM HH:mm")}–{context.Local(session.EndsAt)}).")
        {
            Title = "Agenda change",
        };
        // The old room's channels, then the session's (its own and the new room's).
        return CommandResult.Of(reply, new Announcement(null, reply, Room: before), new Announcement(session.Id, reply));
    }

    /// <summary>Reminders follow the new times: the session reminder, and the moderator's if it is open.</summary>
    private static async Task ReplanAsync(CommandContext context, Session session)
    {
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
