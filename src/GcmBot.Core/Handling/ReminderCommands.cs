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
            : await context.ChannelSessionAsync() ?? throw new CommandException(context.T("Remind.WhichSession"));
        var dueAt = session.StartsAt - lead;
        if (session.StartsAt <= context.Now)
        {
            throw new CommandException(context.T("Remind.Started", session.Code, context.Local(session.StartsAt, context.T("Format.DayTime")), session.Room));
        }

        if (dueAt <= context.Now)
        {
            // Too late for the lead asked for: say how soon it starts, and offer the reminder that is still possible.
            var left = session.StartsAt - context.Now;
            var possible = TimeSpan.FromMinutes(Math.Floor(left.TotalMinutes) - 1);
            var texts = context.Texts;
            return CommandResult.Of(Reply.Private(context.T("Remind.TooSoon", session.Code, session.Title, texts.Duration(TimeSpan.FromMinutes(Math.Ceiling(left.TotalMinutes))), context.Local(session.StartsAt), session.Room, texts.Duration(lead))
                + (possible >= TimeSpan.FromMinutes(1) ? context.T("Remind.StillPossible", texts.Duration(possible)) : "")) with
            {
                Actions = possible >= TimeSpan.FromMinutes(1)
                    ? [new ReplyAction(context.T("Remind.Action", texts.Duration(possible)), $"/remind me {session.Code} {(int)possible.TotalMinutes}m")]
                    : [],
            });
        }

        var existing = await context.Data.GetPendingNoticesAsync(session.Id, null, NoticeKind.Reminder, context.CancellationToken);
        if (existing.Any(n => n.ParticipantId == context.Participant.Id))
        {
            throw new CommandException(context.T("Remind.Already", session.Code));
        }

        context.Schedule(NoticeKind.Reminder, dueAt, session.Id, participantId: context.Participant.Id);
        return CommandResult.Of(Reply.Private(context.T("Remind.Set", session.Code, session.Title, context.Local(dueAt, context.T("Format.DayTime")), context.Texts.Duration(lead), session.Room)));
    }

    public static Task<CommandResult> BroadcastAtAsync(CommandContext context)
    {
        var text = context.Command["time"]!;
        var zone = context.Meeting.TimeZone;
        var localNow = context.Meeting.ToLocal(context.Now);
        DateTimeOffset dueAt;
        var note = "";
        if (TimeOnly.TryParseExact(text, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            var date = DateOnly.FromDateTime(localNow.DateTime);
            var local = date.ToDateTime(time);
            dueAt = new DateTimeOffset(local, zone.GetUtcOffset(local));
            if (dueAt <= context.Now)
            {
                // An organiser who types a time already past means the next one; the reply says it is tomorrow.
                local = date.AddDays(1).ToDateTime(time);
                dueAt = new DateTimeOffset(local, zone.GetUtcOffset(local));
                note = " " + context.T("Staff.Broadcast.Tomorrow", time.ToString("HH:mm", CultureInfo.InvariantCulture));
            }
        }
        else if (DateTime.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var dateTime))
        {
            dueAt = new DateTimeOffset(dateTime, zone.GetUtcOffset(dateTime));
            if (dueAt <= context.Now)
            {
                throw new CommandException(context.T("Staff.Broadcast.Passed", text, context.Local(context.Now, context.T("Format.DayTime"))));
            }
        }
        else
        {
            throw new CommandException(context.T("Staff.Broadcast.NotTime", text));
        }

        return ScheduleAsync(context, dueAt.ToUniversalTime(), note);
    }

    public static Task<CommandResult> BroadcastInAsync(CommandContext context) =>
        ScheduleAsync(context, context.Now + context.Command.Duration("delay")!.Value, "");

    public static async Task<CommandResult> ListAsync(CommandContext context)
    {
        var pending = await context.Data.GetPendingNoticesAsync(null, null, NoticeKind.Broadcast, context.CancellationToken);
        return CommandResult.Of(Reply.Private(pending.Count == 0 ? context.T("Staff.Broadcast.None") : "") with
        {
            Title = context.T("Staff.Broadcast.ListTitle"),
            Items = [.. pending.Select(n => new ListItem((int)n.Id, n.Text, context.Local(n.DueAt, context.T("Format.DayTime"))))],
        });
    }

    public static async Task<CommandResult> CancelAsync(CommandContext context)
    {
        var id = context.Command.Number("id")!.Value;
        var notice = await context.Data.GetNoticeAsync(id, context.CancellationToken);
        if (notice is not { Kind: NoticeKind.Broadcast } || !notice.IsPending)
        {
            throw new CommandException(context.T("Staff.Broadcast.NoSuch", id));
        }

        notice.CancelledAt = context.Now;
        return CommandResult.Of(Reply.Private(context.T("Staff.Broadcast.Cancelled", id, notice.Text!)));
    }

    private static async Task<CommandResult> ScheduleAsync(CommandContext context, DateTimeOffset dueAt, string note)
    {
        var text = context.Command["text"]!;
        if (text.Length > SecretariatCommands.MaxBroadcastLength)
        {
            throw new CommandException(context.T("Staff.Broadcast.TooLongScheduled", SecretariatCommands.MaxBroadcastLength, text.Length));
        }

        var notice = context.Schedule(NoticeKind.Broadcast, dueAt, null, text);
        await context.Data.FlushAsync(context.CancellationToken);
        return CommandResult.Of(Reply.Private(context.T("Staff.Broadcast.Scheduled", notice.Id, context.Local(dueAt, context.T("Format.DayTime"))) + note) with
        {
            Facts = [new Fact(context.T("Staff.Broadcast.Text"), notice.Text)],
        });
    }
}
