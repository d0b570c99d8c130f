using Microsoft.Playwright;

namespace GcmBot.Web.Tests;

/// <summary>The web chat page's language picker, in Chromium: it runs the language command and lays the page out in the language chosen.</summary>
public sealed class LanguagePickerTests
{
    private const string FrenchHelp = "Commandes de GcmBot";

    [Fact]
    public async Task Picker_FrenchThenArabic_RepliesInFrenchAfterReloadAndThePageTurnsRightToLeft()
    {
        await using var host = new LiveHost();
        await using var browser = await Browser.LaunchAsync();
        await using var ana = await ChatPage.OpenAsync(browser, host.BaseAddress, "Ana", "Mexico", "delegate", "Room A");
        var page = ana.Page;
        var picker = page.Locator("#language");
        var root = page.Locator("html");
        await Assertions.Expect(picker.Locator("option")).ToHaveTextAsync(["العربية", "中文", "English", "Français", "Русский", "Español"]);
        await Assertions.Expect(picker).ToHaveValueAsync("en");

        await picker.SelectOptionAsync(new SelectOptionValue { Label = "Français" });

        await Assertions.Expect(ana.BotMessages.Last).ToContainTextAsync("Les réponses vous sont désormais données en");
        await Assertions.Expect(root).ToHaveAttributeAsync("lang", "fr");
        await Assertions.Expect(root).ToHaveAttributeAsync("dir", "ltr");
        await Assertions.Expect(await ana.SayAsync("/help")).ToContainTextAsync(FrenchHelp);

        // The choice is stored, not kept by the page: a reload shows it and the next reply is still in French.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#status")).ToHaveAttributeAsync("data-state", "connected");
        await Assertions.Expect(picker).ToHaveValueAsync("fr");
        await Assertions.Expect(root).ToHaveAttributeAsync("lang", "fr");
        var frenchHelps = ana.BotMessages.Filter(new() { HasText = FrenchHelp });
        await Assertions.Expect(frenchHelps).ToHaveCountAsync(1); // the history has come back
        await ana.SayAsync("/help");
        await Assertions.Expect(frenchHelps).ToHaveCountAsync(2);

        await picker.SelectOptionAsync(new SelectOptionValue { Label = "العربية" });

        await Assertions.Expect(ana.BotMessages.Last).ToContainTextAsync("ستصلك الردود من الآن فصاعداً باللغة");
        await Assertions.Expect(root).ToHaveAttributeAsync("dir", "rtl");
        await Assertions.Expect(root).ToHaveAttributeAsync("lang", "ar");
        await Assertions.Expect(picker).ToHaveValueAsync("ar");
        Assert.Equal("rtl", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('#log')).direction"));
    }

    [Fact]
    public async Task Picker_NoChoiceYet_ShowsTheBrowsersLanguage()
    {
        await using var host = new LiveHost();
        await using var browser = await Browser.LaunchAsync();

        await using var carla = await ChatPage.OpenAsync(browser, host.BaseAddress, "Carla", "Chile", "delegate", "Room A", "es-ES");

        await Assertions.Expect(carla.Page.Locator("#language")).ToHaveValueAsync("es");
        await Assertions.Expect(carla.Page.Locator("html")).ToHaveAttributeAsync("lang", "es");
    }
}
