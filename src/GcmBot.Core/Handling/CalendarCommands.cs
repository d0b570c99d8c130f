using System.Text;
using GcmBot.Core.Agenda;
using GcmBot.Core.Replies;

namespace GcmBot.Core.Handling;

internal static class CalendarCommands
{
    public static async Task<CommandResult> IcsAsync(CommandContext context)
    {
        var sessions = await context.SessionsAsync();
        var ics = AgendaCalendar.Write(context.Meeting, sessions);
        return CommandResult.Of(Reply.Private("The agenda as a calendar file: open it to add every session to your calendar (venue time, room, moderators and rapporteurs). Calendar apps can also subscribe to `/agenda.ics` on the bot's web address, and then follow changes.") with
        {
            Title = "Agenda calendar",
            Attachment = new Attachment("agenda.ics", AgendaCalendar.ContentType, Encoding.UTF8.GetBytes(ics)),
        });
    }
}
