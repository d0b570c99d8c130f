using Microsoft.Playwright;

namespace GcmBot.Web.Tests;

/// <summary>The rapporteur's review page in Chromium, over the real host on loopback.</summary>
public sealed class DraftReviewTests
{
    private const string Card = "Expand regular pathways for migrant workers at all skill levels";

    [Fact]
    public async Task ReviewPage_Rapporteur_TemplateWithSourcesOneClickAway_DelegateRefused()
    {
        await using var host = new LiveHost();
        await using var browser = await Browser.LaunchAsync();
        await using var moderator = await ChatPage.OpenAsync(browser, host.BaseAddress, "Marit Maij", "Netherlands", "moderator", "Room A");
        await using var mexico = await ChatPage.OpenAsync(browser, host.BaseAddress, "Delegate of Mexico", "Mexico", "delegate", "Room A");
        await using var rapporteur = await ChatPage.OpenAsync(browser, host.BaseAddress, "Arturo Cabrera", "Ecuador", "rapporteur", "Room A");
        await Assertions.Expect(await moderator.SayAsync("/session open AG1")).ToContainTextAsync("is open");
        await Assertions.Expect(await mexico.SayAsync($"/card {Card} | Bilateral labour agreements | ILO, employers")).ToContainTextAsync("saved for AG1");
        await mexico.Page.Locator("#message-input").FillAsync("We propose that States expand regular pathways for migrant workers, with <b>bilateral</b> labour agreements.");
        await mexico.Page.Locator("#message-input").PressAsync("Enter");
        await Assertions.Expect(rapporteur.Page.Locator("#log")).ToContainTextAsync("bilateral</b> labour agreements");
        // Markup never becomes a point of the draft, so the summary needs a statement of its own.
        await mexico.Page.Locator("#message-input").FillAsync("Safe and regular pathways reduce irregular migration and protect the rights of migrant workers in countries of destination.");
        await mexico.Page.Locator("#message-input").PressAsync("Enter");
        await Assertions.Expect(rapporteur.Page.Locator("#log")).ToContainTextAsync("countries of destination");

        await rapporteur.SayAsync("/draft");
        await Assertions.Expect(rapporteur.BotMessages.Last).ToContainTextAsync("Summary of discussions");

        var review = await rapporteur.Page.Context.NewPageAsync();
        var opened = await review.GotoAsync(new Uri(host.BaseAddress, "/drafts/AG1").ToString());
        Assert.Equal(200, opened!.Status);
        await Assertions.Expect(review.Locator("#header")).ToContainTextAsync("Room A");
        await Assertions.Expect(review.Locator("#summary .point").First).ToBeVisibleAsync();
        var recommendation = review.Locator("#recommendations > li").Filter(new LocatorFilterOptions { HasText = Card });
        await Assertions.Expect(recommendation.Locator(".field")).ToHaveCountAsync(3);
        await Assertions.Expect(recommendation.Locator(".field p").Nth(1)).ToHaveTextAsync("Bilateral labour agreements");
        await Assertions.Expect(recommendation.Locator(".field p").Nth(2)).ToHaveTextAsync("ILO, employers");
        var sources = recommendation.Locator("details.sources");
        await Assertions.Expect(sources.Locator("li").First).Not.ToBeVisibleAsync();
        await sources.Locator("summary").ClickAsync();
        await Assertions.Expect(sources.Locator("li").Filter(new LocatorFilterOptions { HasText = "Card #" })).ToContainTextAsync("Mexico");
        // Contribution text is data: markup in it is shown as text, never parsed.
        await Assertions.Expect(review.Locator("#report b")).ToHaveCountAsync(0);
        var download = await review.RunAndWaitForDownloadAsync(() => review.Locator("#docx").ClickAsync());
        Assert.Equal("draft-AG1.docx", download.SuggestedFilename);
        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts"));
        await review.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "artifacts", "draft-review.png"), FullPage = true });

        var refused = await mexico.Page.Context.NewPageAsync();
        Assert.Equal(403, (await refused.GotoAsync(new Uri(host.BaseAddress, "/drafts/AG1").ToString()))!.Status);
        Assert.Equal(403, (await refused.GotoAsync(new Uri(host.BaseAddress, "/api/drafts/AG1").ToString()))!.Status);
        Assert.Equal(403, (await refused.GotoAsync(new Uri(host.BaseAddress, "/api/drafts/AG1/docx").ToString()))!.Status);
    }
}
