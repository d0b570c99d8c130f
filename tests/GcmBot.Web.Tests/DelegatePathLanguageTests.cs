using System.Text.Json;
using GcmBot.Core.Localisation;
using Microsoft.Playwright;

namespace GcmBot.Web.Tests;

/// <summary>
/// The whole delegate path through the web chat page in the delegate's language, in Chromium: the page's own
/// labels and the bot's replies, with the identity picker off (people sign in by invitation).
/// </summary>
public sealed class DelegatePathLanguageTests
{
    private static readonly Dictionary<string, string> _pickerOff = new() { ["WebChat:IdentityPicker"] = "false" };

    [Fact]
    public async Task FrenchBrowser_SignsInByInvitation_WholePathInFrench()
    {
        await using var host = new LiveHost(_pickerOff);
        await using var browser = await Browser.LaunchAsync();
        await using var organiser = await OrganiserWithAG1OpenAsync(browser, host);
        var invitation = await InvitationAsync(organiser, "Mexico");

        // The sign-in page is in the browser's language before anyone is known.
        await using var ana = await ChatPage.OpenBlankAsync(browser, invitation, "fr-FR");
        var page = ana.Page;
        await Assertions.Expect(page.Locator("#join-form")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Assertions.Expect(page.Locator("#join-submit")).ToHaveTextAsync("Se connecter");
        await AssertLabelsInAsync(page, Language.French);
        await Assertions.Expect(page.Locator("#log .notice").First).ToHaveTextAsync("Vous êtes dans Room A. Tapez /aide pour voir ce que vous pouvez faire ici.");
        await page.Locator("#join-name").FillAsync("Ana");
        await page.Locator("#join-submit").ClickAsync();
        await Assertions.Expect(page.Locator("#who-delegation")).ToHaveTextAsync("Mexico");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("connecté");
        await Assertions.Expect(page.Locator("#log .notice").Last).ToHaveTextAsync("Vous êtes maintenant connecté(e) en tant que Ana (Mexico).");

        // A refusal from the server (in the browser's language) and the page's own words around it.
        await page.Locator("#message-input").FillAsync(new string('x', 5000));
        await page.Locator("#message-input").PressAsync("Enter");
        await Assertions.Expect(page.Locator("#log .notice-error").Last)
            .ToHaveTextAsync("Ce message compte 5000 caractères ; la limite est de 4000. Rien n'a été envoyé. Votre texte est toujours dans la zone de message.");
        await page.Locator("#message-input").FillAsync("");
        await AssertNoticesInAsync(page, Language.French);

        // Speak with the panel's button, see the place, get the floor cue.
        var ask = page.Locator("#live-ask");
        await Assertions.Expect(ask).ToHaveTextAsync("Demander la parole");
        await ask.ClickAsync();
        await Assertions.Expect(ana.BotMessages.Last).ToContainTextAsync("Mexico a demandé la parole");
        await Assertions.Expect(page.Locator("#live-place")).ToContainTextAsync("Votre place : ");
        await AssertLabelsInAsync(page, Language.French);
        await organiser.SayAsync("/next");
        // The cue comes to her alone, in French: she never chose a language, the browser's is kept for her.
        await Assertions.Expect(page.Locator("#log .msg-private").Last).ToContainTextAsync("vous seul(e) voyez ceci");
        await Assertions.Expect(page.Locator("#log .msg-private").Last).ToContainTextAsync("Vous avez la parole (AG1)");
        await Assertions.Expect(page.Locator("#live-speaker")).ToContainTextAsync("a la parole");

        // A card through the form, the agenda, then on the list again and off it with the button.
        await SubmitCardAsync(ana, "/fiche", "Fiche n° 1 enregistrée pour AG1");
        await Assertions.Expect(await ana.SayAsync("/agenda")).ToContainTextAsync("Programme du");
        await ask.ClickAsync();
        await Assertions.Expect(ask).ToHaveTextAsync("Retirer ma demande");
        await ask.ClickAsync();
        await Assertions.Expect(ana.BotMessages.Last).ToContainTextAsync("s'est retiré de la liste des orateurs");
        await AssertLabelsInAsync(page, Language.French);
    }

    [Fact]
    public async Task SpanishByPicker_RelabelsWithoutReload_WholePathInSpanish()
    {
        await using var host = new LiveHost(_pickerOff);
        await using var browser = await Browser.LaunchAsync();
        await using var organiser = await OrganiserWithAG1OpenAsync(browser, host);
        var invitation = await InvitationAsync(organiser, "Chile");
        await using var carla = await SignInTests.JoinAsync(browser, invitation, "Carla");
        var page = carla.Page;
        await Assertions.Expect(page.Locator("#send")).ToHaveTextAsync("Send");
        await page.EvaluateAsync("() => { window.notReloaded = true; }");

        await page.Locator("#language").SelectOptionAsync(new SelectOptionValue { Label = "Español" });

        await Assertions.Expect(page.Locator("#send")).ToHaveTextAsync("Enviar");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("conectado");
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"));
        await AssertLabelsInAsync(page, Language.Spanish);

        await Assertions.Expect(await carla.SayAsync("/hablar")).ToContainTextAsync("Chile pidió la palabra");
        await Assertions.Expect(page.Locator("#live-place")).ToContainTextAsync("Su lugar: ");
        var ask = page.Locator("#live-ask");
        await Assertions.Expect(ask).ToHaveTextAsync("Retirar mi solicitud");
        await ask.ClickAsync();
        await Assertions.Expect(carla.BotMessages.Last).ToContainTextAsync("se retiró de la lista de oradores");
        await Assertions.Expect(ask).ToHaveTextAsync("Pedir la palabra");
        await ask.ClickAsync();
        await organiser.SayAsync("/next");
        await Assertions.Expect(page.Locator("#log")).ToContainTextAsync("Tiene la palabra");

        await SubmitCardAsync(carla, "/ficha", "Tarjeta n.º 1 guardada para AG1");
        await Assertions.Expect(await carla.SayAsync("/agenda")).ToContainTextAsync("Programa del");
        await AssertLabelsInAsync(page, Language.Spanish);

        // The server refuses in her stored choice, though her browser asks for English.
        await page.Locator("#message-input").FillAsync(new string('x', 5000));
        await page.Locator("#message-input").PressAsync("Enter");
        await Assertions.Expect(page.Locator("#log .notice-error").Last)
            .ToHaveTextAsync("Ese mensaje tiene 5000 caracteres; el límite es 4000. No se envió nada. Su texto sigue en el cuadro de mensaje.");
        await AssertNoticesInAsync(page, Language.Spanish, since: "Ese mensaje");
    }

    [Fact]
    public async Task ArabicByPicker_PageRightToLeftWithTheSidePanelOnTheRight()
    {
        await using var host = new LiveHost(_pickerOff);
        await using var browser = await Browser.LaunchAsync();
        await using var organiser = await OrganiserWithAG1OpenAsync(browser, host);
        var invitation = await InvitationAsync(organiser, "Ecuador");
        await using var ecuador = await SignInTests.JoinAsync(browser, invitation, "Daniela");
        var page = ecuador.Page;

        await page.Locator("#language").SelectOptionAsync(new SelectOptionValue { Label = "العربية" });

        await Assertions.Expect(page.Locator("#send")).ToHaveTextAsync("إرسال");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await AssertLabelsInAsync(page, Language.Arabic);
        await page.Locator("#live-ask").ClickAsync();
        await Assertions.Expect(page.Locator("#live-place")).ToBeVisibleAsync();
        var side = (await page.Locator("aside.side").BoundingBoxAsync())!;
        var chat = (await page.Locator("main.chat").BoundingBoxAsync())!;
        Assert.True(side.X > chat.X, $"the side panel (x={side.X}) should be right of the chat (x={chat.X})");
        Directory.CreateDirectory(Artifacts.Directory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts.Directory, "chat-arabic.png") });
    }

    /// <summary>
    /// Every label the page shows (its text, accessible name or placeholder) is not its English text wherever the
    /// language has its own: a label left in English, or one the page forgot to relabel, fails here.
    /// </summary>
    private static async Task AssertLabelsInAsync(IPage page, Language language)
    {
        var shown = JsonSerializer.Deserialize<string[]>(await page.EvaluateAsync<string>("""
            () => JSON.stringify([
              ...[...document.querySelectorAll("[data-text], #status, #live-speaker, #live-ask, #live-place")].map((e) => e.textContent.trim()),
              ...[...document.querySelectorAll("[data-label]")].map((e) => e.getAttribute("aria-label")),
              ...[...document.querySelectorAll("[data-placeholder]")].map((e) => e.placeholder)])
            """))!;
        var texts = Texts.For(language);
        var english = Texts.English.GetAllStrings(includeParentCultures: false)
            .Where(s => s.Name.StartsWith("Web.", StringComparison.Ordinal) && texts[s.Name].Value != s.Value)
            .Select(s => s.Value.Replace("{0}", "", StringComparison.Ordinal).Trim())
            .ToHashSet();
        Assert.DoesNotContain(shown, english.Contains);
        Assert.Equal(language.Code, await page.Locator("html").GetAttributeAsync("lang"));
    }

    /// <summary>
    /// No notice the page shows (from <paramref name="since"/> on, when given) holds a sentence of the page's English
    /// texts that the language has its own words for: a notice written in English fails here.
    /// </summary>
    private static async Task AssertNoticesInAsync(IPage page, Language language, string? since = null)
    {
        var notices = (await page.Locator("#log .notice-text").AllTextContentsAsync()).ToList();
        if (since is not null)
        {
            notices = notices[notices.FindLastIndex(n => n.StartsWith(since, StringComparison.Ordinal))..];
        }

        var texts = Texts.For(language);
        var english = Texts.English.GetAllStrings(includeParentCultures: false)
            .Where(s => s.Name.StartsWith("Web.", StringComparison.Ordinal) && texts[s.Name].Value != s.Value)
            .SelectMany(s => System.Text.RegularExpressions.Regex.Split(s.Value, @"\{\d+\}"))
            .Select(part => part.Trim())
            .Where(part => part.Length >= 12)
            .ToHashSet();
        Assert.NotEmpty(notices);
        Assert.All(notices, notice => Assert.DoesNotContain(english, notice.Contains));
    }

    /// <summary>The organiser, signed in by the printed link on Room A, with AG1 open there.</summary>
    private static async Task<ChatPage> OrganiserWithAG1OpenAsync(Browser browser, LiveHost host)
    {
        var organiser = await SignInTests.JoinAsync(browser, InRoomA(await SignInTests.PrintedOrganiserLinkAsync(host)), "Olga");
        await organiser.SayAsync("/session open AG1");
        return organiser;
    }

    private static async Task<Uri> InvitationAsync(ChatPage organiser, string delegation) =>
        InRoomA(await SignInTests.LinkInAsync(await organiser.SayAsync($"/invite {delegation}")));

    private static Uri InRoomA(Uri link) => new(link + "?room=Room%20A");

    private static async Task SubmitCardAsync(ChatPage person, string command, string saved)
    {
        var form = await person.SayAsync(command);
        await form.Locator("textarea[name=recommendation]").FillAsync("Establish firewalls between immigration enforcement and public services");
        await form.Locator("textarea[name=means]").FillAsync("National legislation and guidance to service providers");
        await form.Locator("textarea[name=partnerships]").FillAsync("Local authorities, civil society");
        await form.Locator(".form-submit").ClickAsync();
        await Assertions.Expect(person.BotMessages.Last).ToContainTextAsync(saved);
    }
}
