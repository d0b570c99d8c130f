using Microsoft.Playwright;

namespace GcmBot.Web.Tests;

/// <summary>Where the chat opens, and what the message box does with text that is not a contribution, in Chromium.</summary>
public sealed class ComposerTests
{
    [Fact]
    public async Task Chat_NoRoomChosen_OpensInARoomWithASessionUnderWay()
    {
        await using var host = new LiveHost();
        await using var browser = await Browser.LaunchAsync();
        var context = await browser.Chromium.NewContextAsync();
        try
        {
            host.Clock.Advance(TimeSpan.FromMinutes(10)); // 10:50: the plenary is over, AG1–AG3 run in Rooms A–C
            var page = await context.NewPageAsync();

            await page.GotoAsync(host.BaseAddress.ToString());

            await Assertions.Expect(page.Locator("#room-name")).ToHaveTextAsync("Room A");
        }
        finally
        {
            await context.DisposeAsync();
        }
    }

    [Fact]
    public async Task Composer_PasteOverTheLimit_VisibleErrorAndTextKeptWhole()
    {
        await using var host = new LiveHost();
        await using var browser = await Browser.LaunchAsync();
        await using var mexico = await ChatPage.OpenAsync(browser, host.BaseAddress, "Delegate of Mexico", "Mexico", "delegate", "Room A");
        var pasted = new string('x', 5000);

        await mexico.Page.Locator("#message-input").FillAsync(pasted);
        await mexico.Page.Locator("#message-input").PressAsync("Enter");

        await Assertions.Expect(mexico.Page.Locator("#log .notice-error").Last)
            .ToContainTextAsync("That message has 5000 characters; the limit is 4000. Nothing was sent.");
        await Assertions.Expect(mexico.Page.Locator("#message-input")).ToHaveValueAsync(pasted);
        await Assertions.Expect(mexico.Page.Locator("#log .msg-own")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Composer_CommandNameWithoutSlash_ToldItWasNotRecorded()
    {
        await using var host = new LiveHost();
        await using var browser = await Browser.LaunchAsync();
        await using var moderator = await ChatPage.OpenAsync(browser, host.BaseAddress, "Marit Maij", "Netherlands", "moderator", "Room A");
        await using var mexico = await ChatPage.OpenAsync(browser, host.BaseAddress, "Delegate of Mexico", "Mexico", "delegate", "Room A");
        await moderator.SayAsync("/session open AG1");

        var reply = await mexico.SayAsync("speak");

        await Assertions.Expect(reply).ToContainTextAsync("reads as the command /speak, so it was not recorded as a contribution");
        await Assertions.Expect(moderator.Page.Locator("#log")).Not.ToContainTextAsync("reads as the command");
    }
}
