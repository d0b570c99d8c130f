using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ical.Net;

namespace GcmBot.Host.Tests;

/// <summary>The display, overview, statistics and calendar endpoints over the real host, and who may see them.</summary>
public sealed class DisplayApiTests : IAsyncLifetime
{
    private readonly GcmBotApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("delegate", "Mexico")]
    [InlineData("moderator", null)]
    [InlineData("rapporteur", null)]
    public async Task Overview_NotAnOrganiser_Refused(string role, string? delegation)
    {
        var token = await _app.IdentityAsync("Someone", delegation, role);

        using var page = await GetAsync("/overview", token);
        using var api = await GetAsync("/api/overview", token);

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("for organisers", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
    }

    [Fact]
    public async Task Overview_NoIdentityOrForgedCookie_Refused()
    {
        using var anonymous = await _app.Client.GetAsync(new Uri("/overview", UriKind.Relative));
        using var forged = new HttpRequestMessage(HttpMethod.Get, new Uri("/overview", UriKind.Relative));
        forged.Headers.Add("Cookie", "gcmbot_user=not-a-token");
        using var refused = await _app.Client.SendAsync(forged);

        Assert.Equal(HttpStatusCode.Forbidden, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task Overview_OrganiserByCookie_PageAndTheRoomsOfTheHalfDay()
    {
        var token = await _app.IdentityAsync("Olga", null, "organiser");
        var moderator = await _app.IdentityAsync("Marit", "Netherlands", "moderator");
        await _app.SendAsync(moderator, GcmBotApp.RoomA, "/session open AG1");
        await _app.SendAsync(await _app.IdentityAsync("Delegate", "Mexico", "delegate"), GcmBotApp.RoomA, "/speak");

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/overview", UriKind.Relative));
        request.Headers.Add("Cookie", $"gcmbot_user={token}");
        using var page = await _app.Client.SendAsync(request);
        using var api = await GetAsync("/api/overview", token);
        var overview = await GcmBotApp.ReadJsonAsync(api);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("/hangfire", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Tuesday 5 December 2017, morning", overview.GetProperty("halfDay").GetString());
        var rooms = overview.GetProperty("rooms").EnumerateArray().ToList();
        Assert.Equal(["Plenary Hall", "Room A", "Room B", "Room C"], rooms.Select(r => r.GetProperty("room").GetString()));
        Assert.Equal(1, rooms[1].GetProperty("waiting").GetInt32());
        Assert.Equal("open", rooms[1].GetProperty("session").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Pages_MeetingAndRoomLanguages_RenderedInThem()
    {
        var token = await _app.IdentityAsync("Olga", null, "organiser");
        await _app.SendAsync(token, GcmBotApp.RoomA, "/language default fr");
        await _app.SendAsync(token, GcmBotApp.RoomA, "/language room ar");

        using var overview = await GetAsync("/overview", token);
        var overviewHtml = await overview.Content.ReadAsStringAsync();
        using var api = await GetAsync("/api/overview", token);
        using var roomA = await _app.Client.GetAsync(new Uri("/rooms/Room%20A/display", UriKind.Relative));
        var roomAHtml = await roomA.Content.ReadAsStringAsync();
        using var roomB = await _app.Client.GetAsync(new Uri("/rooms/Room%20B/display", UriKind.Relative));
        var roomBHtml = await roomB.Content.ReadAsStringAsync();

        Assert.Contains("<html lang=\"fr\" dir=\"ltr\">", overviewHtml, StringComparison.Ordinal);
        Assert.Contains("<h1>Vue d&#39;ensemble</h1>", overviewHtml, StringComparison.Ordinal);
        Assert.Equal("mardi 5 décembre 2017, matin", (await GcmBotApp.ReadJsonAsync(api)).GetProperty("halfDay").GetString());
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", roomAHtml, StringComparison.Ordinal);
        Assert.Contains("يتكلم الآن", roomAHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", roomAHtml, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"fr\" dir=\"ltr\">", roomBHtml, StringComparison.Ordinal);
        Assert.Contains("Prochains orateurs", roomBHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RoomDisplay_KnownAndUnknownRooms()
    {
        using var page = await _app.Client.GetAsync(new Uri("/rooms/Room%20A/display", UriKind.Relative));
        using var json = await _app.Client.GetAsync(new Uri("/api/rooms/room%20a/display", UriKind.Relative));
        using var missing = await _app.Client.GetAsync(new Uri("/rooms/Room%20Z/display", UriKind.Relative));
        using var missingJson = await _app.Client.GetAsync(new Uri("/api/rooms/Room%20Z/display", UriKind.Relative));
        var display = await GcmBotApp.ReadJsonAsync(json);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("display.js", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Room A", display.GetProperty("room").GetString());
        Assert.Equal("AG1", display.GetProperty("session").GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.Null, display.GetProperty("floor").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missingJson.StatusCode);
    }

    [Fact]
    public async Task Statistics_DelegateRefused_ModeratorGetsPageAndCsv()
    {
        var delegateToken = await _app.IdentityAsync("Delegate", "Mexico", "delegate");
        var moderator = await _app.IdentityAsync("Marit", "Netherlands", "moderator");
        await _app.SendAsync(moderator, GcmBotApp.RoomA, "/session open AG1");
        await _app.SendAsync(delegateToken, GcmBotApp.RoomA, "/speak");
        await _app.SendAsync(moderator, GcmBotApp.RoomA, "/next");
        _app.Clock.Advance(TimeSpan.FromSeconds(95));
        await _app.SendAsync(moderator, GcmBotApp.RoomA, "/timer stop");

        using var refused = await GetAsync("/stats", delegateToken);
        using var page = await GetAsync("/stats?scope=session&session=AG1", moderator);
        using var csv = await GetAsync("/stats.csv?scope=session&session=AG1", moderator);
        using var bad = await GetAsync("/stats?scope=day&day=9", moderator);
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<strong>1</strong> delegations", html, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"chart\"", html, StringComparison.Ordinal);
        Assert.Contains("Member States — Interventions: 1", html, StringComparison.Ordinal);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Contains("delegations,Mexico,Member State,speakingSeconds,95", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Theory]
    [InlineData("/stats?scope=session&session=ag1", "session", "", "AG1")]
    [InlineData("/stats?scope=day", "day", "2", "")]
    [InlineData("/stats?scope=day&day=3", "day", "3", "")]
    [InlineData("/stats", "meeting", "", "")]
    public async Task StatisticsPage_AnyScope_SelectorsShowWhatIsDisplayed(string path, string scope, string day, string session)
    {
        var moderator = await _app.IdentityAsync("Marit", "Netherlands", "moderator");

        using var page = await GetAsync(path, moderator);
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal([scope, day, session], [Selected(html, "scope"), Selected(html, "day"), Selected(html, "session")]);
    }

    /// <summary>The value of the one selected option of a select, as a browser would submit it.</summary>
    private static string Selected(string html, string name)
    {
        var start = html.IndexOf($"<select name=\"{name}\">", StringComparison.Ordinal);
        var select = html[start..html.IndexOf("</select>", start, StringComparison.Ordinal)];
        var selected = Regex.Matches(select, "<option value=\"([^\"]*)\" selected>");
        return Assert.Single(selected).Groups[1].Value;
    }

    [Fact]
    public async Task AgendaIcs_Anyone_ParsesWithEverySession()
    {
        using var response = await _app.Client.GetAsync(new Uri("/agenda.ics", UriKind.Relative));
        var calendar = Calendar.Load(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("America/Mexico_City", Assert.Single(calendar.TimeZones).TzId);
        Assert.Equal(18, calendar.Events.Count);
        Assert.Equal("Room B", calendar.Events.Single(e => e.Summary!.StartsWith("AG2", StringComparison.Ordinal)).Location);
    }

    private Task<HttpResponseMessage> GetAsync(string path, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("X-GcmBot-User", token);
        return _app.Client.SendAsync(request);
    }
}
