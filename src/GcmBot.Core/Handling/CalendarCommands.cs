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
        return CommandResult.Of(Reply.Private(context.T("Calendar.Body")) with
        {
            Title = context.T("Calendar.Title"),
            Attachment = new Attachment("agenda.ics", AgendaCalendar.ContentType, Encoding.UTF8.GetBytes(ics)),
        });
    }
}
