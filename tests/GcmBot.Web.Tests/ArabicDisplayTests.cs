using Microsoft.Playwright;

namespace GcmBot.Web.Tests;

/// <summary>A room set to Arabic: its projector page in Chromium is laid out right to left, in Arabic, with the session driven from the web chat.</summary>
public sealed class ArabicDisplayTests
{
    [Fact]
    public async Task Display_RoomInArabic_RightToLeftWithArabicLabels()
    {
        await using var host = new LiveHost();
        await using var browser = await Browser.LaunchAsync();
        await using var organiser = await ChatPage.OpenAsync(browser, host.BaseAddress, "Secretariat", "Mexico", "organiser", "Room A");
        await Assertions.Expect(await organiser.SayAsync("/language room ar")).ToContainTextAsync("Notices and announcements in this room are now in Arabic.");
        await organiser.SayAsync("/session open AG1");
        // A delegate whose browser prefers Spanish is answered in Spanish; the room stays in Arabic.
        await using var ecuador = await ChatPage.OpenAsync(browser, host.BaseAddress, "Delegate of Ecuador", "Ecuador", "delegate", "Room A", "es-ES");
        await Assertions.Expect(await ecuador.SayAsync("/speak")).ToContainTextAsync("pidió la palabra: puesto n.º 1 de 1.");
        await using var iom = await ChatPage.OpenAsync(browser, host.BaseAddress, "Delegate of IOM", "International Organization for Migration", "delegate", "Room A");
        await iom.SayAsync("/speak");
        await using var mexico = await ChatPage.OpenAsync(browser, host.BaseAddress, "Delegate of Mexico", "Mexico", "delegate", "Room A");
        await mexico.SayAsync("/speak");
        await organiser.SayAsync("/next");

        await using var display = await DisplayPage.OpenAsync(browser, host.BaseAddress, "Room A");
        var html = display.Page.Locator("html");
        await Assertions.Expect(html).ToHaveAttributeAsync("dir", "rtl");
        await Assertions.Expect(html).ToHaveAttributeAsync("lang", "ar");
        await Assertions.Expect(display.Speaker).ToHaveTextAsync("Ecuador");
        await Assertions.Expect(display.Page.Locator("#floor-label")).ToHaveTextAsync("يتكلم الآن");
        await Assertions.Expect(display.Page.Locator("#speaker-detail")).ToHaveTextAsync("دولة عضو");
        // The times sit in a left-to-right isolate (U+2066 … U+2069), or the bidirectional algorithm would show 13:00–10:45.
        await Assertions.Expect(display.Page.Locator("#session-time")).ToContainTextAsync("الثلاثاء 5 ديسمبر 2017 · \u206610:45–13:00\u2069 (بالتوقيت المحلي)");
        await Assertions.Expect(display.Page.Locator("#next li.divider")).ToHaveTextAsync("الجزء المخصص لأصحاب المصلحة");
        await Assertions.Expect(display.Page.Locator("#waiting")).ToHaveTextAsync("2 في الانتظار · 1 في الجزء المخصص لأصحاب المصلحة");
        await Assertions.Expect(display.Page.Locator("#status")).ToHaveTextAsync("مباشر");
        Assert.Equal("rtl", await display.Page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.stage')).direction"));

        // Mirrored: the floor, first in the page, stands on the right; the countdown's digits still read left to right.
        var floor = (await display.Page.Locator(".floor").BoundingBoxAsync())!;
        var queue = (await display.Page.Locator(".queue").BoundingBoxAsync())!;
        Assert.True(floor.X > queue.X, $"floor at x={floor.X}, queue at x={queue.X}");
        Assert.Equal("ltr", await display.Page.EvaluateAsync<string>("() => getComputedStyle(document.getElementById('countdown')).direction"));
        await display.ScreenshotAsync("display-arabic.png");
    }
}
