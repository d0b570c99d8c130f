using GcmBot.Web.Tests;
using Microsoft.Playwright;

namespace GcmBot.Teams.Tests;

/// <summary>
/// End to end with a real Teams client: Microsoft 365 Agents Playground (channel msteams) against the host
/// on loopback, driven through its web UI in headless Chromium. The Playground's user is an organiser
/// (Teams:Organisers), registers for Mexico and moderates, in the Playground's personal chat.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PlaygroundTests
{
    private static readonly string _artifacts = Path.Combine(AppContext.BaseDirectory, "artifacts");

    [Fact]
    public async Task Playground_CommandsCardsAndATimer_RepliesShownInTheTeamsClient()
    {
        await using var host = new TeamsHost(new Dictionary<string, string?> { ["Teams:Organisers:0"] = Playground.UserId });
        await using var playground = await Playground.StartAsync(host.MessagesUri);
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.Chromium.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        Directory.CreateDirectory(_artifacts);
        try
        {
            await page.GotoAsync(playground.Address.AbsoluteUri);

            // The Playground installs the bot: the welcome arrives first.
            await Assertions.Expect(Bot(page).Filter(new() { HasText = "Hello, I am GcmBot" })).ToBeVisibleAsync();

            await Assertions.Expect(await SayAsync(page, "help")).ToContainTextAsync("Show the commands you can use");

            await Assertions.Expect(await SayAsync(page, "bind Room A")).ToContainTextAsync("now follows Room A");
            await Assertions.Expect(await SayAsync(page, "register Mexico")).ToContainTextAsync("Mexico");
            await Assertions.Expect(await SayAsync(page, "session open AG1")).ToContainTextAsync("is open");
            await Assertions.Expect(await SayAsync(page, "speak")).ToContainTextAsync("Mexico asked for the floor: #1 of 1");

            var queue = await SayAsync(page, "queue");
            await Assertions.Expect(queue).ToContainTextAsync("Speakers list");
            await Assertions.Expect(queue).ToContainTextAsync("Your place");
            await Assertions.Expect(queue).ToContainTextAsync("#1");

            // Adaptive Card buttons: on the list, Mexico is offered Withdraw; the answer offers Join list again.
            await Assertions.Expect(queue.GetByRole(AriaRole.Button, new() { Name = "Join list", Exact = true })).ToHaveCountAsync(0);
            await PressAsync(page, queue, "Withdraw", "Mexico withdrew from the speakers list");
            await PressAsync(page, Bot(page).Last, "Join list", "Mexico asked for the floor: #1 of 1");

            // The recommendation card form, submitted, then listed.
            var form = await SayAsync(page, "card");
            await form.GetByLabel("Recommendation for an actionable commitment").FillAsync("Establish firewalls between immigration enforcement and public services");
            await form.GetByLabel("Means of implementation").FillAsync("National legislation and guidance to service providers");
            await form.GetByLabel("Partnerships").FillAsync("Local authorities, civil society");
            await PressAsync(page, form, "Submit card", "saved for AG1");
            await Assertions.Expect(await SayAsync(page, "cards")).ToContainTextAsync("Establish firewalls between immigration enforcement and public services");

            // A proactive message: the speaking timer's expiry, through the stored conversation reference.
            // The room hears who has the floor; the speaker (here the same person, in their personal chat) gets its cue.
            await Assertions.Expect(await SayAsync(page, "next", answers: 2)).ToContainTextAsync("The floor goes to Mexico");
            await Assertions.Expect(Bot(page).Last).ToContainTextAsync("You have the floor in AG1, for 2 min");
            host.Clock.Advance(TimeSpan.FromMinutes(2));
            await Assertions.Expect(Bot(page).Filter(new() { HasText = "Time is up for Mexico" })).ToBeVisibleAsync(new() { Timeout = 20_000 });
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_artifacts, "playground.png"), FullPage = true });
        }
        catch
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_artifacts, "playground-failure.png") });
            await File.WriteAllTextAsync(Path.Combine(_artifacts, "playground-failure.html"), await page.ContentAsync());
            throw;
        }
    }

    /// <summary>The bot's messages in the open conversation (the Playground renders each in an output card).</summary>
    private static ILocator Bot(IPage page) => page.Locator(".fai-OutputCard");

    /// <summary>Types a message into the compose box, sends it, waits for the bot's answers and returns the first.</summary>
    private static async Task<ILocator> SayAsync(IPage page, string text, int answers = 1)
    {
        var before = await Bot(page).CountAsync();
        await page.Locator("[data-lexical-editor='true']").ClickAsync();
        await page.Keyboard.TypeAsync(text);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Bot(page)).ToHaveCountAsync(before + answers, new() { Timeout = 15_000 });
        return Bot(page).Nth(before);
    }

    /// <summary>Presses a card button and waits for the bot's answer.</summary>
    private static async Task PressAsync(IPage page, ILocator card, string button, string expected)
    {
        var before = await Bot(page).CountAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await Assertions.Expect(Bot(page)).ToHaveCountAsync(before + 1, new() { Timeout = 15_000 });
        await Assertions.Expect(Bot(page).Nth(before)).ToContainTextAsync(expected);
    }
}
