using System.Text.Json;
using GcmBot.Core.Localisation;
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
        await SessionAsync(moderator, mexico, rapporteur);
        await rapporteur.SayAsync("/draft");
        await Assertions.Expect(rapporteur.BotMessages.Last).ToContainTextAsync("Summary of discussions");

        var review = await rapporteur.Page.Context.NewPageAsync();
        var opened = await review.GotoAsync(new Uri(host.BaseAddress, "/drafts/AG1").ToString());
        Assert.Equal(200, opened!.Status);
        await Assertions.Expect(review.Locator("#header")).ToContainTextAsync("Room A");
        await Assertions.Expect(review.Locator("#summary .point").First).ToBeVisibleAsync();
        var recommendation = review.Locator("#recommendations > li").Filter(new LocatorFilterOptions { Has = review.GetByRole(AriaRole.Textbox, new() { Name = "Recommendation 1: Recommendation" }) });
        await Assertions.Expect(recommendation.Locator(".field")).ToHaveCountAsync(3);
        await Assertions.Expect(recommendation.Locator("textarea[name=recommendation]")).ToHaveValueAsync(Card);
        await Assertions.Expect(recommendation.Locator("textarea[name=means]")).ToHaveValueAsync("Bilateral labour agreements");
        await Assertions.Expect(recommendation.Locator("textarea[name=partnerships]")).ToHaveValueAsync("ILO, employers");
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

    [Fact]
    public async Task ReviewPage_EditReloadRegeneratePublish_EditsKeptMarkedAndReportPosted()
    {
        await using var host = new LiveHost();
        await using var browser = await Browser.LaunchAsync();
        await using var moderator = await ChatPage.OpenAsync(browser, host.BaseAddress, "Marit Maij", "Netherlands", "moderator", "Room A");
        await using var mexico = await ChatPage.OpenAsync(browser, host.BaseAddress, "Delegate of Mexico", "Mexico", "delegate", "Room A");
        await using var rapporteur = await ChatPage.OpenAsync(browser, host.BaseAddress, "Arturo Cabrera", "Ecuador", "rapporteur", "Room A");
        await SessionAsync(moderator, mexico, rapporteur);
        var drafted = await rapporteur.SayAsync("/draft");
        await Assertions.Expect(drafted).ToContainTextAsync("/drafts/AG1");

        var review = await rapporteur.Page.Context.NewPageAsync();
        await review.GotoAsync(new Uri(host.BaseAddress, "/drafts/AG1").ToString());
        var first = review.Locator("#summary form.point").First;
        await first.Locator("textarea").FillAsync("Participants stressed that safe and regular pathways protect the rights of migrant workers.");
        await first.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(first.Locator(".saved")).ToHaveTextAsync("Saved.");
        await Assertions.Expect(first.Locator(".edited")).ToBeVisibleAsync();
        var recommendation = review.Locator("#recommendations form.point").First;
        await recommendation.Locator("textarea[name=recommendation]").FillAsync("Expand regular pathways for migrant workers at all skill levels and ages");
        await recommendation.Locator("textarea[name=means]").FillAsync("Bilateral labour agreements and skills partnerships");
        await recommendation.Locator("textarea[name=partnerships]").FillAsync("ILO, IOM, employers");
        await recommendation.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(recommendation.Locator(".saved")).ToHaveTextAsync("Saved.");

        // A refused save says so, and changes nothing.
        await recommendation.Locator("textarea[name=recommendation]").FillAsync("");
        await recommendation.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(recommendation.Locator(".saved")).ToContainTextAsync("Not saved: Recommendation 1 needs its text");

        await review.ReloadAsync();
        await Assertions.Expect(first.Locator("textarea")).ToHaveValueAsync("Participants stressed that safe and regular pathways protect the rights of migrant workers.");
        await Assertions.Expect(first.Locator(".edited")).ToBeVisibleAsync();
        await Assertions.Expect(recommendation.Locator("textarea[name=recommendation]")).ToHaveValueAsync("Expand regular pathways for migrant workers at all skill levels and ages");
        await Assertions.Expect(recommendation.Locator("textarea[name=means]")).ToHaveValueAsync("Bilateral labour agreements and skills partnerships");
        await Assertions.Expect(recommendation.Locator("textarea[name=partnerships]")).ToHaveValueAsync("ILO, IOM, employers");
        await Assertions.Expect(review.Locator("#status")).ToContainTextAsync("edited by the rapporteur");

        await mexico.Page.Locator("#message-input").FillAsync("Remittance costs should fall below three percent through digital transfer services for migrant families.");
        await mexico.Page.Locator("#message-input").PressAsync("Enter");
        await Assertions.Expect(rapporteur.Page.Locator("#log")).ToContainTextAsync("digital transfer services");
        await review.GetByRole(AriaRole.Button, new() { Name = "Regenerate" }).ClickAsync();
        await Assertions.Expect(review.Locator("#action-status")).ToContainTextAsync("you rewrote are kept as you wrote them");
        await Assertions.Expect(first.Locator("textarea")).ToHaveValueAsync("Participants stressed that safe and regular pathways protect the rights of migrant workers.");
        await Assertions.Expect(first.Locator(".edited")).ToBeVisibleAsync();
        await Assertions.Expect(recommendation.Locator("textarea[name=means]")).ToHaveValueAsync("Bilateral labour agreements and skills partnerships");
        await Assertions.Expect(review.Locator("#summary form.point .edited:visible")).ToHaveCountAsync(1);
        // The card's recommendation drafted again is the point rewritten: it is not listed a second time.
        var recommendations = await review.Locator("#recommendations textarea[name=recommendation]").EvaluateAllAsync<string[]>("areas => areas.map(a => a.value)");
        Assert.DoesNotContain(Card, recommendations);
        Assert.Contains(recommendations, r => r.Contains("Remittance costs", StringComparison.Ordinal));

        await review.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Assertions.Expect(review.Locator("#action-status")).ToContainTextAsync("The report of AG1, reviewed and published by Arturo Cabrera.");
        await Assertions.Expect(review.Locator("#status")).ToContainTextAsync("· published ·");
        await Assertions.Expect(moderator.BotMessages.Last).ToContainTextAsync("Expand regular pathways for migrant workers at all skill levels and ages");
        await Assertions.Expect(moderator.BotMessages.Last).ToContainTextAsync("Participants stressed that safe and regular pathways");
    }

    [Fact]
    public async Task ReviewPage_DelegateChangingTheDraft_RefusedAndNothingChanged()
    {
        await using var host = new LiveHost();
        await using var browser = await Browser.LaunchAsync();
        await using var moderator = await ChatPage.OpenAsync(browser, host.BaseAddress, "Marit Maij", "Netherlands", "moderator", "Room A");
        await using var mexico = await ChatPage.OpenAsync(browser, host.BaseAddress, "Delegate of Mexico", "Mexico", "delegate", "Room A");
        await using var rapporteur = await ChatPage.OpenAsync(browser, host.BaseAddress, "Arturo Cabrera", "Ecuador", "rapporteur", "Room A");
        await SessionAsync(moderator, mexico, rapporteur);
        await Assertions.Expect(await rapporteur.SayAsync("/draft")).ToContainTextAsync("Summary of discussions");

        var request = mexico.Page.Context.APIRequest;
        foreach (var path in new[] { "/api/drafts/AG1/points/s1", "/api/drafts/AG1/regenerate", "/api/drafts/AG1/publish" })
        {
            var refused = await request.PostAsync(new Uri(host.BaseAddress, path).ToString(), new() { DataObject = new { text = "Delegates rewrote this." } });
            Assert.Equal(403, refused.Status);
        }

        var review = await rapporteur.Page.Context.NewPageAsync();
        await review.GotoAsync(new Uri(host.BaseAddress, "/drafts/AG1").ToString());
        await Assertions.Expect(review.Locator("#status")).ToContainTextAsync("not published · as drafted");
        await Assertions.Expect(review.Locator("#summary textarea").First).Not.ToHaveValueAsync("Delegates rewrote this.");
    }

    [Fact]
    public async Task ReviewPage_FrenchRapporteur_LabelsStatusAndAnswersInFrench_SpanishDelegateRefusedInSpanish()
    {
        await using var host = new LiveHost();
        await using var browser = await Browser.LaunchAsync();
        await using var moderator = await ChatPage.OpenAsync(browser, host.BaseAddress, "Marit Maij", "Netherlands", "moderator", "Room A");
        await using var mexico = await ChatPage.OpenAsync(browser, host.BaseAddress, "Delegate of Mexico", "Mexico", "delegate", "Room A");
        await using var rapporteur = await ChatPage.OpenAsync(browser, host.BaseAddress, "Arturo Cabrera", "Ecuador", "rapporteur", "Room A", "fr-FR");
        await using var spanish = await ChatPage.OpenAsync(browser, host.BaseAddress, "Ana Ruiz", "Mexico", "delegate", "Room A", "es-MX");
        await SessionAsync(moderator, mexico, rapporteur);
        await Assertions.Expect(await rapporteur.SayAsync("/draft")).ToContainTextAsync("Veuillez l'examiner avant qu'il ne soit diffusé");

        var review = await rapporteur.Page.Context.NewPageAsync();
        await review.GotoAsync(new Uri(host.BaseAddress, "/drafts/AG1").ToString());
        await Assertions.Expect(review.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Assertions.Expect(review.Locator("html")).ToHaveAttributeAsync("dir", "ltr");
        await Assertions.Expect(review).ToHaveTitleAsync("Projet de rapport de AG1");
        await Assertions.Expect(review.Locator("h1")).ToHaveTextAsync("Rapport du groupe d'action");
        await Assertions.Expect(review.Locator("#status")).ToHaveTextAsync("AG1 : Action Group 1: Human dimension · non publié · tel que rédigé (extractive)");
        await Assertions.Expect(review.Locator("#header th").Nth(2)).ToHaveTextAsync("Salle");
        await Assertions.Expect(review.Locator("#summary-title")).ToHaveTextAsync("Résumé des débats");
        await Assertions.Expect(review.Locator("#recommendations-title")).ToHaveTextAsync("Recommandations en vue d'engagements concrets");
        await Assertions.Expect(review.Locator("#observations")).ToHaveTextAsync("Néant.");
        await Assertions.Expect(review.Locator("#summary .point-label").First).ToHaveTextAsync("Phrase 1 du résumé");
        var recommendation = review.Locator("#recommendations form.point").First;
        await Assertions.Expect(recommendation.Locator(".field span")).ToHaveTextAsync(["Recommandation", "Moyens de mise en œuvre", "Partenariats"]);
        await recommendation.Locator("details.sources summary").ClickAsync();
        await Assertions.Expect(recommendation.Locator("details.sources li").Filter(new() { HasText = "Fiche n° " })).ToContainTextAsync("· moyens : Bilateral labour agreements");
        await AssertNoEnglishLabelAsync(review);

        var first = review.Locator("#summary form.point").First;
        await first.Locator("textarea").FillAsync("Les participants ont souligné que des voies de migration sûres et régulières protègent les droits des travailleurs migrants.");
        await first.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(first.Locator(".saved")).ToHaveTextAsync("Enregistré.");
        await Assertions.Expect(first.Locator(".edited")).ToHaveTextAsync("Modifié par le rapporteur");
        await recommendation.Locator("textarea[name=recommendation]").FillAsync("");
        await recommendation.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(recommendation.Locator(".saved")).ToContainTextAsync("Non enregistré : Recommandation 1 doit comporter son texte");

        await review.GetByRole(AriaRole.Button, new() { Name = "Publier" }).ClickAsync();
        await Assertions.Expect(review.Locator("#action-status")).ToContainTextAsync("Le rapport de AG1, examiné et publié par Arturo Cabrera.");
        await Assertions.Expect(review.Locator("#status")).ToContainTextAsync("· publié · modifié par le rapporteur");
        // The room's conversation has no language of its own: the meeting's default, English, frames the report there.
        await Assertions.Expect(moderator.BotMessages.Last).ToContainTextAsync("The report of AG1, reviewed and published by Arturo Cabrera.");
        await AssertNoEnglishLabelAsync(review);

        var refused = await spanish.Page.Context.NewPageAsync();
        Assert.Equal(403, (await refused.GotoAsync(new Uri(host.BaseAddress, "/drafts/AG1").ToString()))!.Status);
        await Assertions.Expect(refused.Locator("html")).ToHaveAttributeAsync("lang", "es");
        await Assertions.Expect(refused.Locator("h1")).ToHaveTextAsync("Solo para relatores");
        await Assertions.Expect(refused.Locator("main a")).ToHaveTextAsync("Abrir el chat web");
    }

    /// <summary>No text the page writes itself (not the draft's) is left in English where French has its own.</summary>
    private static async Task AssertNoEnglishLabelAsync(IPage page)
    {
        var shown = JsonSerializer.Deserialize<string[]>(await page.EvaluateAsync<string>("""
            () => JSON.stringify([
              document.title,
              ...[...document.querySelectorAll("h1, h2, header a, button, #status, #action-status, th, .point-label, .edited, .saved, .field span, details.sources summary, .none")]
                .map((e) => e.textContent.trim()),
              ...[...document.querySelectorAll("textarea")].map((e) => e.getAttribute("aria-label"))])
            """))!;
        var french = Texts.For(Language.French);
        // Each English text that French writes otherwise, as a whole or up to its first placeholder ("Not saved: {0}").
        var english = Texts.English.GetAllStrings(includeParentCultures: false)
            .Where(s => (s.Name.StartsWith("Staff.Web.Drafts.", StringComparison.Ordinal) || s.Name.StartsWith("Staff.Report.", StringComparison.Ordinal)
                    || s.Name.StartsWith("Staff.Draft.", StringComparison.Ordinal)) && french[s.Name].Value != s.Value)
            .Select(s => s.Value.Split('{')[0].Trim())
            .Where(start => start.Length >= 4)
            .ToHashSet();
        Assert.DoesNotContain(shown, text => english.Any(start => text == start || (start.Length >= 8 && text.StartsWith(start, StringComparison.Ordinal))));
    }

    private static async Task SessionAsync(ChatPage moderator, ChatPage mexico, ChatPage rapporteur)
    {
        await Assertions.Expect(await moderator.SayAsync("/session open AG1")).ToContainTextAsync("is open");
        await Assertions.Expect(await mexico.SayAsync($"/card {Card} | Bilateral labour agreements | ILO, employers")).ToContainTextAsync("saved for AG1");
        await mexico.Page.Locator("#message-input").FillAsync("We propose that States expand regular pathways for migrant workers, with <b>bilateral</b> labour agreements.");
        await mexico.Page.Locator("#message-input").PressAsync("Enter");
        await Assertions.Expect(rapporteur.Page.Locator("#log")).ToContainTextAsync("bilateral</b> labour agreements");
        // Markup never becomes a point of the draft, so the summary needs a statement of its own.
        await mexico.Page.Locator("#message-input").FillAsync("Safe and regular pathways reduce irregular migration and protect the rights of migrant workers in countries of destination.");
        await mexico.Page.Locator("#message-input").PressAsync("Enter");
        await Assertions.Expect(rapporteur.Page.Locator("#log")).ToContainTextAsync("countries of destination");
    }
}
