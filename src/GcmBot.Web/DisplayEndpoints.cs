using System.Globalization;
using System.Net;
using System.Text;
using GcmBot.Core.Agenda;
using GcmBot.Core.Data;
using GcmBot.Core.Displays;
using GcmBot.Core.Domain;
using GcmBot.Core.Localisation;
using GcmBot.Core.Speaking;
using GcmBot.Core.Statistics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace GcmBot.Web;

/// <summary>Room displays, the organisers' overview, statistics and the agenda calendar.</summary>
public static class DisplayEndpoints
{
    public static WebApplication MapGcmDisplays(this WebApplication app)
    {
        app.MapHub<DisplayHub>("/hubs/display");
        app.MapGet("/rooms/{room}/display", RoomPageAsync);
        app.MapGet("/api/rooms/{room}/display", RoomJsonAsync);
        app.MapGet("/overview", OverviewPageAsync);
        app.MapGet("/api/overview", OverviewJsonAsync);
        app.MapGet("/stats", StatisticsPageAsync);
        app.MapGet("/stats.csv", StatisticsCsvAsync);
        app.MapGet("/agenda.ics", CalendarAsync);
        return app;
    }

    private static async Task<IResult> RoomPageAsync(string room, IMeetingStore store, CancellationToken cancellationToken)
    {
        var (rooms, texts) = await store.ReadAsync(
            async (data, ct) => (await DisplayReader.RoomsAsync(data, ct), await DisplayReader.RoomTextsAsync(data, await data.GetMeetingAsync(ct), room, ct)),
            cancellationToken);
        return rooms.Any(r => string.Equals(r, room, StringComparison.OrdinalIgnoreCase))
            ? await LocalisedPage.RenderAsync("display.html", texts, ["Display."], cancellationToken)
            : Message(StatusCodes.Status404NotFound, "No such room", $"There is no room called “{room}” in this meeting. Rooms: {string.Join(", ", rooms)}.");
    }

    private static async Task<IResult> RoomJsonAsync(HttpContext http, string room, IMeetingStore store, TimeProvider time, IOptions<ReminderRules> reminders, CancellationToken cancellationToken)
    {
        var display = await store.ReadAsync((data, ct) => DisplayReader.ReadRoomAsync(data, room, time.GetUtcNow(), reminders.Value, ct), cancellationToken);
        return display is null
            ? Results.Json(new { Error = (await RequestLanguage.TextsAsync(http, cancellationToken)).Format("Web.Error.NoRoom", room) }, statusCode: StatusCodes.Status404NotFound)
            : Results.Ok(display);
    }

    private static async Task<IResult> OverviewPageAsync(HttpContext http, WebAccess access, IMeetingStore store, CancellationToken cancellationToken) =>
        await access.IsOrganiserAsync(WebAccess.Token(http), cancellationToken)
            ? await LocalisedPage.RenderAsync("overview.html", Texts.For((await store.ReadAsync((data, ct) => data.GetMeetingAsync(ct), cancellationToken))?.DefaultLanguage), ["Staff.Overview."], cancellationToken)
            : Message(StatusCodes.Status403Forbidden, "Organisers only", "The overview is for organisers (the secretariat). Open the web chat, pick the organiser role, then come back to this page.");

    private static async Task<IResult> OverviewJsonAsync(HttpContext http, WebAccess access, IMeetingStore store, TimeProvider time, IOptions<ReminderRules> reminders, CancellationToken cancellationToken)
    {
        if (!await access.IsOrganiserAsync(WebAccess.Token(http), cancellationToken))
        {
            return Results.Json(new { Error = (await RequestLanguage.TextsAsync(http, cancellationToken)).Format("Staff.Web.Error.Overview") }, statusCode: StatusCodes.Status403Forbidden);
        }

        var overview = await store.ReadAsync((data, ct) => DisplayReader.ReadOverviewAsync(data, time.GetUtcNow(), reminders.Value, ct), cancellationToken);
        return overview is null ? Results.Problem("No meeting is loaded.", statusCode: StatusCodes.Status503ServiceUnavailable) : Results.Ok(overview);
    }

    private static async Task<IResult> StatisticsPageAsync(HttpContext http, WebAccess access, IMeetingStore store, TimeProvider time, CancellationToken cancellationToken) =>
        await StatisticsAsync(http, access, store, time, (meeting, statistics, sessions, selection, texts) =>
            Results.Content(StatisticsPage.Render(meeting, statistics, sessions, http.Request.QueryString.Value ?? "", selection, texts), "text/html; charset=utf-8"), cancellationToken);

    private static async Task<IResult> StatisticsCsvAsync(HttpContext http, WebAccess access, IMeetingStore store, TimeProvider time, CancellationToken cancellationToken) =>
        await StatisticsAsync(http, access, store, time, (_, statistics, _, _, _) =>
            Results.File(StatisticsCsv.Write(statistics), "text/csv; charset=utf-8", "statistics.csv"), cancellationToken);

    /// <summary>
    /// Reads <c>?scope=meeting|day|session&amp;day=N&amp;session=CODE</c>, for moderators, rapporteurs and organisers, in the
    /// language of <c>?lang=</c>, else the reader's (<see cref="RequestLanguage"/>).
    /// </summary>
    private static async Task<IResult> StatisticsAsync(HttpContext http, WebAccess access, IMeetingStore store, TimeProvider time, Func<Meeting, MeetingStatistics, IReadOnlyList<Session>, StatisticsSelection, Texts, IResult> render, CancellationToken cancellationToken)
    {
        var texts = Texts.For(http.Request.Query["lang"].ToString(), (await RequestLanguage.TextsAsync(http, cancellationToken)).Language.Code);
        var title = texts.Format("Staff.StatsPage.Heading");
        if (!await access.IsOfficialAsync(WebAccess.Token(http), cancellationToken))
        {
            return Message(StatusCodes.Status403Forbidden, title, texts.Format("Staff.StatsPage.Forbidden"), texts);
        }

        var query = http.Request.Query;
        var scope = query["scope"].ToString().ToLowerInvariant();
        var dayText = query["day"].ToString();
        var code = query["session"].ToString();
        var now = time.GetUtcNow();
        return await store.ReadAsync(
            async (data, ct) =>
            {
                var meeting = await data.GetMeetingAsync(ct);
                if (meeting is null)
                {
                    return Message(StatusCodes.Status503ServiceUnavailable, title, texts.Format("Error.NoMeeting"), texts);
                }

                var sessions = await data.GetSessionsAsync(meeting.Id, ct);
                (string Scope, IReadOnlyList<Session> Sessions, StatisticsSelection Selection)? chosen = scope switch
                {
                    "" or "meeting" => (StatisticsReader.MeetingScope, sessions, new StatisticsSelection("meeting")),
                    "day" => Day(dayText, meeting, sessions, now) is { } day
                        ? (StatisticsReader.DayScope(meeting, sessions, day), [.. sessions.Where(s => s.Day == day)], new StatisticsSelection("day", Day: day))
                        : null,
                    "session" => sessions.FirstOrDefault(s => string.Equals(s.Code, code, StringComparison.OrdinalIgnoreCase)) is { } session
                        ? (StatisticsReader.SessionScope(session), [session], new StatisticsSelection("session", Session: session.Code))
                        : null,
                    _ => null,
                };
                if (chosen is not { } c)
                {
                    return Message(StatusCodes.Status400BadRequest, title, texts.Format("Staff.StatsPage.BadScope"), texts);
                }

                var statistics = await StatisticsReader.ComputeAsync(data, meeting, c.Scope, c.Sessions, ct);
                return render(meeting, statistics, sessions, c.Selection, texts);
            },
            cancellationToken);
    }

    /// <summary>The day asked for, or today; null when the meeting does not sit that day.</summary>
    private static int? Day(string text, Meeting meeting, IReadOnlyList<Session> sessions, DateTimeOffset now)
    {
        int? day = text.Length == 0 ? StatisticsReader.Today(meeting, sessions, now)
            : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
        return day is { } d && sessions.Any(s => s.Day == d) ? d : null;
    }

    private static async Task<IResult> CalendarAsync(IMeetingStore store, CancellationToken cancellationToken)
    {
        var ics = await store.ReadAsync(
            async (data, ct) => await data.GetMeetingAsync(ct) is { } meeting ? AgendaCalendar.Write(meeting, await data.GetSessionsAsync(meeting.Id, ct)) : null,
            cancellationToken);
        return ics is null
            ? Results.Problem("No meeting is loaded.", statusCode: StatusCodes.Status503ServiceUnavailable)
            : Results.Text(ics, AgendaCalendar.ContentType, Encoding.UTF8);
    }

    /// <param name="texts">The language the title and text are in (the page's <c>lang</c>, <c>dir</c> and link); English when not given.</param>
    internal static IResult Message(int status, string title, string text, Texts? texts = null)
    {
        var language = texts ?? Texts.English;
        return Results.Content(
            $"<!doctype html><html lang=\"{language.Language.Code}\" dir=\"{(language.Language.RightToLeft ? "rtl" : "ltr")}\"><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(title)}</title><link rel=\"stylesheet\" href=\"/stats.css\"></head>"
            + $"<body><main class=\"message\"><h1>{WebUtility.HtmlEncode(title)}</h1><p>{WebUtility.HtmlEncode(text)}</p><p><a href=\"/\">{WebUtility.HtmlEncode(language.Format("Web.OpenChat"))}</a></p></main></body></html>",
            "text/html; charset=utf-8",
            Encoding.UTF8,
            status);
    }
}
