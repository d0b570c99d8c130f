using Microsoft.Playwright;

namespace GcmBot.Web.Tests;

/// <summary>One person in the web chat: their own browser context (own identity in local storage).</summary>
public sealed class ChatPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;

    private ChatPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
    }

    public IPage Page { get; }

    public ILocator BotMessages => Page.Locator("#log .msg-bot");

    /// <param name="locale">The browser's language (its <c>Accept-Language</c>); Chromium's default, en-US, when null.</param>
    public static async Task<ChatPage> OpenAsync(Browser browser, Uri baseAddress, string name, string delegation, string role, string room, string? locale = null)
    {
        var chat = await OpenBlankAsync(browser, new Uri(baseAddress, $"/?room={Uri.EscapeDataString(room)}"), locale);
        var page = chat.Page;
        await page.Locator("#display-name").FillAsync(name);
        await page.Locator("#delegation").SelectOptionAsync(new SelectOptionValue { Label = delegation });
        await page.Locator("#role").SelectOptionAsync(role);
        await page.Locator("#identity-submit").ClickAsync();
        await Assertions.Expect(page.Locator("#who-name")).ToHaveTextAsync(name);
        await Assertions.Expect(page.Locator("#status")).ToHaveAttributeAsync("data-state", "connected");
        return chat;
    }

    /// <summary>A new browser context (no identity yet) on an address of the web chat.</summary>
    public static async Task<ChatPage> OpenBlankAsync(Browser browser, Uri address, string? locale = null)
    {
        var context = await browser.Chromium.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 }, Locale = locale });
        var page = await context.NewPageAsync();
        await page.GotoAsync(address.ToString());
        return new ChatPage(context, page);
    }

    /// <summary>Types a line and returns the bot's newest message after the reply arrived.</summary>
    public async Task<ILocator> SayAsync(string text)
    {
        var before = await BotMessages.CountAsync();
        await Page.Locator("#message-input").FillAsync(text);
        await Page.Locator("#message-input").PressAsync("Enter");
        await Assertions.Expect(BotMessages).Not.ToHaveCountAsync(before);
        return BotMessages.Last;
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
