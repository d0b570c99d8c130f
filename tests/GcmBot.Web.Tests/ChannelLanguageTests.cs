using GcmBot.Scheduling.Tests;

namespace GcmBot.Web.Tests;

/// <summary>
/// What the hub sends a person later, outside a reply (the floor cues, a personal reminder), follows the browser's
/// language when the person never chose one, and their choice when they did: raw SignalR clients over real WebSockets.
/// </summary>
public sealed class ChannelLanguageTests
{
    private const string RoomA = WebChat.RoomA;

    [Fact]
    public async Task FloorCuesAndReminder_SpanishBrowserWithoutLanguageChoice_InSpanishAndAChoiceOfEnglishWins()
    {
        await using var host = new LiveHost();
        using var english = new HttpClient { BaseAddress = host.BaseAddress };
        using var spanish = new HttpClient { BaseAddress = host.BaseAddress };
        spanish.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es-MX,es;q=0.9,en;q=0.5");
        var chair = new WebChat(english);
        var browser = new WebChat(spanish);
        var moderator = await chair.IdentityAsync("Marit Maij", null, "moderator");
        var ana = await browser.IdentityAsync("Ana", "Mexico", "delegate");
        var carla = await browser.IdentityAsync("Carla", "Chile", "delegate");
        var beto = await browser.IdentityAsync("Beto", "Colombia", "delegate");
        await using var mexico = await RoomFeed.OpenPrivateAsync(host.BaseAddress, ana);
        await using var chile = await RoomFeed.OpenPrivateAsync(host.BaseAddress, carla);
        await using var colombia = await RoomFeed.OpenPrivateAsync(host.BaseAddress, beto);

        // Beto's browser is Spanish too, but he chose English.
        await browser.RunAsync(beto, RoomA, "/language en");
        await browser.RunAsync(ana, RoomA, "/remind me AG1 2m");
        await chair.RunAsync(moderator, RoomA, "/session open AG1");
        await browser.RunAsync(ana, RoomA, "/speak");
        await browser.RunAsync(carla, RoomA, "/speak");
        await browser.RunAsync(beto, RoomA, "/speak");
        var first = await chair.RunAsync(moderator, RoomA, "/next");
        await chair.RunAsync(moderator, RoomA, "/next");

        // Each person's own answer comes after everything pushed to them before it: their cues have then arrived.
        await FenceAsync(browser, mexico, ana);
        await FenceAsync(browser, chile, carla);
        await FenceAsync(browser, colombia, beto);
        Assert.Contains(Texts(mexico), t => t.StartsWith("**Tiene la palabra** (AG1) durante ", StringComparison.Ordinal));
        Assert.Contains("**Usted habla a continuación** (AG1), después de Mexico. Por favor, esté preparado.", Texts(chile));
        Assert.Contains(Texts(chile), t => t.StartsWith("**Tiene la palabra** (AG1) durante ", StringComparison.Ordinal));
        Assert.Contains("**You are next** in AG1, after Chile. Please be ready.", Texts(colombia));
        Assert.All(mexico.Received.Concat(chile.Received).Where(m => Messages.Text(m).Contains("AG1", StringComparison.Ordinal)),
            cue => Assert.Equal("private", cue.GetProperty("visibility").GetString()));
        Assert.DoesNotContain(Texts(mexico).Concat(Texts(chile)), t => t.Contains("You have the floor", StringComparison.Ordinal) || t.Contains("You are next", StringComparison.Ordinal));
        // The moderator's own answer stays in the moderator's language (no Accept-Language: English).
        Assert.StartsWith("The floor goes to **Mexico**", Messages.Text(first), StringComparison.Ordinal);

        host.Clock.Advance(TimeSpan.FromMinutes(3));
        var reminder = await mexico.WaitForAsync(m => Messages.Title(m) is "Reminder" or "Recordatorio");
        Assert.Equal("Recordatorio", Messages.Title(reminder));
        Assert.StartsWith("**AG1 — ", Messages.Text(reminder), StringComparison.Ordinal);
        Assert.EndsWith(" empieza a las 10:45 en la sala Room A.", Messages.Text(reminder), StringComparison.Ordinal);
    }

    private static List<string> Texts(RoomFeed feed) => [.. feed.Received.Select(Messages.Text)];

    private static async Task FenceAsync(WebChat chat, RoomFeed feed, string token)
    {
        var id = (await chat.RunAsync(token, RoomA, "/whoami")).GetProperty("id").GetString();
        await feed.WaitForAsync(m => m.GetProperty("id").GetString() == id);
    }
}
