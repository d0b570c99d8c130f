using System.Globalization;
using GcmBot.Core.Commands;
using GcmBot.Core.Domain;
using GcmBot.Core.Replies;

namespace GcmBot.Core.Handling;

internal static class ReminderCommands
{
    public static async Task<CommandResult> RemindMeAsync(CommandContext context)
    {
        var words = (context.Command["what"] ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var lead = context.Reminders.PersonalLead;
        if (words.Count > 0 && DurationParser.TryParse(words[^1], out var typed))
        {
            lead = typed;
            words.RemoveAt(words.Count - 1);
        }

        var session = words.Count > 0
            ? await context.FindSessionAsync(string.Join(' ', words))
            : await context.ChannelSessionAsync() ?? throw new CommandException("Which session? For example `remind me AG4` or `remind me AG4 15m`.");
        var dueAt = session.StartsAt - lead;
        if (dueAt <= context.Now)
        {
            throw new CommandException($"{session.Code} starts at {context.Local(session.StartsAt, "ddd d MMM HH:mm")}: too soon for a reminder {DurationParser.Format(lead)} before.");
        }

        var existing = await context.Data.GetPendingNoticesAsync(session.Id, null, NoticeKind.Reminder, context.CancellationToken);
        if (existing.Any(n => n.ParticipantId == context.Participant.Id))
        {
            throw new CommandException($"You already have a reminder for {session.Code}.");
        }

        context.Schedule(NoticeKind.Reminder, dueAt, session.Id, participantId: context.Participant.Id);
        return CommandResult.Of(Reply.Private($"I will remind you of **{session.Code} — {session.Title}** at {context.Local(dueAt, "ddd d MMM HH:mm")}, {DurationParser.Format(lead)} before it starts in {session.Room}."));
    }

    public static Task<CommandResult> BroadcastAtAsync(CommandContext context)
    {
        var text = context.Command["time"]!;
        var zone = context.Meeting.TimeZone;
        var localNow = context.Meeting.ToLocal(context.Now);
        DateTimeOffset dueAt;
        if (TimeOnly.TryParseExact(text, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            var date = DateOnly.FromDateTime(localNow.DateTime);
            var local = date.ToDateTime(time);
            dueAt = new DateTimeOffset(local, zone.GetUtcOffset(local));
            if (dueAt <= context.Now)
            {
                local = date.AddDays(1).ToDateTime(time);
                dueAt = new DateTimeOffset(local, zone.GetUtcOffset(local));
            }
        }
        else if (DateTime.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var dateTime))
        {
            dueAt = new DateTimeOffset(dateTime, zone.GetUtcOffset(dateTime));
        }
        else
        {
            throw new CommandException($"`{text}` is not a time I understand: use HH:mm (venue time) or yyyy-MM-ddTHH:mm.");
        }

        return ScheduleAsync(context, dueAt.ToUniversalTime());
    }

    public static Task<CommandResult> BroadcastInAsync(CommandContext context) =>
        ScheduleAsync(context, context.Now + context.Command.Duration("delay")!.Value);

    public static async Task<CommandResult> ListAsync(CommandContext context)
    {
        var pending = await context.Data.GetPendingNoticesAsync(null, null, NoticeKind.Broadcast, context.CancellationToken);
        return CommandResult.Of(Reply.Private(pending.Count == 0 ? "No announcements are scheduled." : "") with
        {
            Title = "Scheduled announcements",
            Items = [.. pending.Select(n => new ListItem((int)n.Id, n.Text, context.Local(n.DueAt, "ddd d MMM HH:mm")))],
        });
    }

    public static async Task<CommandResult> CancelAsync(CommandContext context)
    {
        var id = context.Command.Number("id")!.Value;
        var notice = await context.Data.GetNoticeAsync(id, context.CancellationToken);
        if (notice is not { Kind: NoticeKind.Broadcast } || !notice.IsPending)
        {
            throw new CommandException($"There is no scheduled announcement #{id}. `broadcasts` lists them.");
        }

        notice.CancelledAt = context.Now;
        return CommandResult.Of(Reply.Private($"Announcement #{id} cancelled: “{notice.Text}”"));
    }

    private static async Task<CommandResult> ScheduleAsync(CommandContext context, DateTimeOffset dueAt)
    {
        var text = context.Command["text"]!;
        if (text.Length > SecretariatCommands.MaxBroadcastLength)
        {
            throw new CommandException($"Announcements are limited to {SecretariatCommands.MaxBroadcastLength} characters; this one has {text.Length}. Nothing was scheduled.");
        }

        var notice = context.Schedule(NoticeKind.Broadcast, dueAt, null, text);
        await context.Data.FlushAsync(context.CancellationToken);
        return CommandResult.Of(Reply.Private($"Announcement #{notice.Id} scheduled for {context.Local(dueAt, "ddd d MMM HH:mm")} (venue time), to every bound channel. `broadcast cancel {notice.Id}` cancels it.") with
        {
            Facts = [new Fact("Text", notice.Text)],
        });
    }
}
