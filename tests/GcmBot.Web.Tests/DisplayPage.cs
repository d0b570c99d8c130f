using Microsoft.Playwright;

namespace GcmBot.Web.Tests;

/// <summary>A room's projector page in its own 1080p browser context, with a probe that timestamps DOM changes.</summary>
public sealed class DisplayPage : IAsyncDisposable
{
    // performance.timeOrigin + now(): milliseconds since the epoch at sub-millisecond resolution, comparable across pages.
    private const string Probe = """
        () => {
          window.__now = () => performance.timeOrigin + performance.now();
          window.__arm = (predicate) => {
            window.__pending = new Promise((resolve) => {
              const check = () => { if (predicate()) { observer.disconnect(); resolve(window.__now()); } };
              const observer = new MutationObserver(check);
              observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
              check();
            });
          };
        }
        """;

    private readonly IBrowserContext _context;

    private DisplayPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
    }

    public IPage Page { get; }

    public ILocator Speaker => Page.Locator("#speaker");

    public ILocator Countdown => Page.Locator("#countdown");

    public ILocator Next => Page.Locator("#next .entry .name");

    public static async Task<DisplayPage> OpenAsync(Browser browser, Uri baseAddress, string room)
    {
        var context = await browser.Chromium.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1920, Height = 1080 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(baseAddress, $"/rooms/{Uri.EscapeDataString(room)}/display").ToString());
        await Assertions.Expect(page.Locator("#status")).ToHaveAttributeAsync("data-state", "connected");
        await page.EvaluateAsync(Probe);
        return new DisplayPage(context, page);
    }

    /// <summary>Starts watching for a condition (JavaScript expression); <see cref="ChangedAtAsync"/> gives when it became true.</summary>
    public Task ArmAsync(string condition) => Page.EvaluateAsync($"() => window.__arm(() => {condition})");

    /// <summary>Epoch milliseconds at which the armed condition became true in the page.</summary>
    public Task<double> ChangedAtAsync() => Page.EvaluateAsync<double>("() => window.__pending");

    public Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(Artifacts.Directory);
        return Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts.Directory, name) });
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
