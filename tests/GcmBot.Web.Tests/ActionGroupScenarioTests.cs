using Microsoft.Playwright;

namespace GcmBot.Web.Tests;

/// <summary>The foundation's acceptance scenario, as a person does it in a browser.</summary>
public sealed class ActionGroupScenarioTests
{
    private static readonly string _artifacts = Path.Combine(AppContext.BaseDirectory, "artifacts");

    [Fact]
    public async Task ActionGroup_MixedRequests_MemberStatesHeardFirstThenStakeholders()
    {
        await using var host = new LiveHost();
        await using var browser = await Browser.LaunchAsync();
        await using var moderator = await ChatPage.OpenAsync(browser, host.BaseAddress, "Marit Maij", "Netherlands", "moderator", "Room A");

        var opened = await moderator.SayAsync("/session open AG1");
        await Assertions.Expect(opened).ToContainTextAsync("Action Group 1");
        await Assertions.Expect(opened).ToContainTextAsync("is open");
        await Assertions.Expect(opened.Locator("time")).ToHaveTextAsync("10:40");

        // Three Member States and two stakeholders ask for the floor in mixed order.
        string[] order = ["Migrant Forum in Asia", "Mexico", "International Organization for Migration", "Ecuador", "Philippines"];
        var delegates = new List<ChatPage>();
        foreach (var delegation in order)
        {
            var page = await ChatPage.OpenAsync(browser, host.BaseAddress, $"Delegate of {delegation}", delegation, "delegate", "Room A");
            delegates.Add(page);
            var reply = await page.SayAsync("/speak");
            await Assertions.Expect(reply).ToContainTextAsync(delegation);
        }

        // The moderator sees everyone's requests live, then the list: Member States first.
        await Assertions.Expect(moderator.Page.Locator("#log")).ToContainTextAsync("Philippines asked for the floor");
        var queue = await moderator.SayAsync("/queue");
        var rows = queue.Locator("table.items tbody tr td.label");
        await Assertions.Expect(rows).ToHaveTextAsync(["Mexico", "Ecuador", "Philippines", "Migrant Forum in Asia", "International Organization for Migration"]);
        await Assertions.Expect(queue.Locator("tr.segment-stakeholders")).ToHaveCountAsync(2);
        Directory.CreateDirectory(_artifacts);
        await moderator.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_artifacts, "web-chat-queue.png") });

        // `next` gives the floor in that order, and a delegate's page sees it happen.
        string[] heard = ["Mexico", "Ecuador", "Philippines", "Migrant Forum in Asia", "International Organization for Migration"];
        foreach (var delegation in heard)
        {
            host.Clock.Advance(TimeSpan.FromMinutes(2));
            var floor = await moderator.SayAsync("/next");
            await Assertions.Expect(floor).ToContainTextAsync($"The floor goes to {delegation}");
            await Assertions.Expect(delegates[0].Page.Locator("#log")).ToContainTextAsync($"The floor goes to {delegation}");
        }

        // A card through the form, then listed.
        var mexico = delegates[1];
        var form = await mexico.SayAsync("/card");
        await form.Locator("textarea[name=recommendation]").FillAsync("Establish firewalls between immigration enforcement and public services");
        await form.Locator("textarea[name=means]").FillAsync("National legislation and guidance to service providers");
        await form.Locator("textarea[name=partnerships]").FillAsync("Local authorities, civil society");
        await form.Locator(".form-submit").ClickAsync();
        await Assertions.Expect(mexico.BotMessages.Last).ToContainTextAsync("saved for AG1");
        var cards = await mexico.SayAsync("/cards");
        await Assertions.Expect(cards).ToContainTextAsync("Establish firewalls between immigration enforcement and public services");

        var export = await moderator.SayAsync("/cards export");
        await Assertions.Expect(export.Locator("a[download='cards-AG1.csv']")).ToBeVisibleAsync();

        // The agenda answers from the sample meeting: the three parallel action groups run now.
        var now = await mexico.SayAsync("/agenda now");
        await Assertions.Expect(now).ToContainTextAsync("Action Group 1");
        await Assertions.Expect(now).ToContainTextAsync("Action Group 2");
        await Assertions.Expect(now).ToContainTextAsync("Action Group 3");
        await mexico.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_artifacts, "web-chat-delegate.png") });

        foreach (var page in delegates)
        {
            await page.DisposeAsync();
        }
    }
}
