using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace GcmBot.Web.Tests;

/// <summary>
/// A room's projector page in Chromium while the session is driven from the web chat in other pages: the
/// display follows each change by a SignalR push; the latency of each step is written to the test's artifacts.
/// </summary>
[Collection(TimingCollection.Name)]
public sealed partial class RoomDisplayTests
{
    private readonly ITestOutputHelper _output;

    public RoomDisplayTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public async Task Display_SessionDrivenFromChat_SpeakerCountdownColoursAndQueueFollowByPush()
    {
        await using var host = new LiveHost();
        await using var browser = await Browser.LaunchAsync();
        await using var display = await DisplayPage.OpenAsync(browser, host.BaseAddress, "Room A");
        await using var moderator = await ChatPage.OpenAsync(browser, host.BaseAddress, "Marit Maij", "Netherlands", "moderator", "Room A");
        await CommandTiming.InstallAsync(moderator.Page);
        var latencies = new List<(string Step, double FromSent, double FromAnswer)>();

        await Assertions.Expect(display.Page.Locator("#session-title")).ToHaveTextAsync("AG1 — Action Group 1: Human dimension");
        await Assertions.Expect(display.Page.Locator("#session-time")).ToContainTextAsync("Tuesday 5 December 2017 · 10:45–13:00");
        await Assertions.Expect(display.Page.Locator("#clock")).ToHaveTextAsync("10:40"); // venue time from the server's (fake) clock

        latencies.Add(await MeasureAsync(display, moderator.Page, "document.getElementById('session-status').textContent === 'open'", () => moderator.SayAsync("/session open AG1"), "session open"));

        // Delegates ask for the floor from their own pages; the list on the display follows, stakeholders marked.
        string[] delegations = ["International Organization for Migration", "Mexico", "Ecuador"];
        var delegates = new List<ChatPage>();
        foreach (var delegation in delegations)
        {
            var page = await ChatPage.OpenAsync(browser, host.BaseAddress, $"Delegate of {delegation}", delegation, "delegate", "Room A");
            delegates.Add(page);
            await CommandTiming.InstallAsync(page.Page);
            latencies.Add(await MeasureAsync(display, page.Page, $"[...document.querySelectorAll('#next .name')].some(n => n.textContent === '{delegation}')", () => page.SayAsync("/speak"), $"speak ({delegation})"));
        }

        await Assertions.Expect(display.Next).ToHaveTextAsync(["Mexico", "Ecuador", "International Organization for Migration"]);
        await Assertions.Expect(display.Page.Locator("#next li.divider")).ToHaveTextAsync("Stakeholder segment");
        await Assertions.Expect(display.Page.Locator("#next .entry.seg-stakeholders .name")).ToHaveTextAsync("International Organization for Migration");
        await Assertions.Expect(display.Page.Locator("#waiting")).ToHaveTextAsync("3 waiting · 1 in the stakeholder segment");

        // The floor: speaker, category, a two-minute countdown in the normal colours.
        latencies.Add(await MeasureAsync(display, moderator.Page, "document.getElementById('speaker').textContent === 'Mexico'", () => moderator.SayAsync("/next"), "next (speaker)"));
        await Assertions.Expect(display.Page.Locator("#speaker-detail")).ToHaveTextAsync("Member State");
        await Assertions.Expect(display.Countdown).ToHaveAttributeAsync("data-state", "normal");
        await Assertions.Expect(display.Countdown).ToHaveTextAsync(Patterns.Clock());
        await Assertions.Expect(display.Next).ToHaveTextAsync(["Ecuador", "International Organization for Migration"]);
        Assert.Equal("rgb(16, 38, 61)", await BackgroundAsync(display));
        await display.ScreenshotAsync("display-normal.png");

        // 90 s later the timer warning fires (fake clock): amber, 30 s left.
        var warned = await MeasureTimerAsync(display, host, TimeSpan.FromSeconds(90), "document.getElementById('countdown').dataset.state === 'warning'");
        latencies.Add(("timer warning (notice → display)", warned, double.NaN));
        await Assertions.Expect(display.Countdown).ToHaveTextAsync(Patterns.Warning());
        Assert.Equal("rgb(255, 179, 0)", await BackgroundAsync(display));
        await display.ScreenshotAsync("display-warning.png");

        // At the deadline: red, then the overtime counts up in the page by itself.
        var expired = await MeasureTimerAsync(display, host, TimeSpan.FromSeconds(30), "document.getElementById('countdown').dataset.state === 'expired'");
        latencies.Add(("timer expiry (notice → display)", expired, double.NaN));
        Assert.Equal("rgb(211, 47, 47)", await BackgroundAsync(display));
        await Assertions.Expect(display.Countdown).ToHaveTextAsync(Patterns.Overtime());
        await display.ScreenshotAsync("display-expired.png");

        // Next speaker: the countdown starts afresh and the queue moves on.
        latencies.Add(await MeasureAsync(display, moderator.Page, "document.getElementById('speaker').textContent === 'Ecuador'", () => moderator.SayAsync("/next"), "next (second speaker)"));
        await Assertions.Expect(display.Countdown).ToHaveAttributeAsync("data-state", "normal");
        await Assertions.Expect(display.Next).ToHaveTextAsync(["International Organization for Migration"]);
        latencies.Add(await MeasureAsync(display, moderator.Page, "document.getElementById('countdown').dataset.state === 'paused'", () => moderator.SayAsync("/timer pause"), "timer pause"));
        latencies.Add(await MeasureAsync(display, moderator.Page, "!document.getElementById('segment').hidden", () => moderator.SayAsync("/stakeholders"), "stakeholders"));

        // Each change arrived by push (the display's conditions above); how fast is recorded, not asserted: timing
        // on two shared cores is a benchmark's business, not a test's.
        Report(latencies);

        foreach (var page in delegates)
        {
            await page.DisposeAsync();
        }
    }

    [Fact]
    public async Task Display_NetworkCut_ShowsReconnectingThenCatchesUp()
    {
        await using var host = new LiveHost();
        await using var proxy = new LoopbackProxy(host.BaseAddress);
        await using var browser = await Browser.LaunchAsync();
        await using var display = await DisplayPage.OpenAsync(browser, proxy.BaseAddress, "Room A");
        await using var moderator = await ChatPage.OpenAsync(browser, host.BaseAddress, "Marit Maij", "Netherlands", "moderator", "Room A");
        await moderator.SayAsync("/session open AG1");
        await Assertions.Expect(display.Page.Locator("#session-status")).ToHaveTextAsync("open");

        proxy.Cut();
        await Assertions.Expect(display.Page.Locator("#reconnecting")).ToBeVisibleAsync();
        await Assertions.Expect(display.Page.Locator("#status")).ToHaveTextAsync("reconnecting…");
        await display.ScreenshotAsync("display-reconnecting.png");

        // While the display is cut off, the session moves on; the display cannot be told.
        await moderator.SayAsync("/floor opening");
        await Assertions.Expect(display.Page.Locator("#reconnecting")).ToBeVisibleAsync();
        Assert.Equal("—", await display.Speaker.TextContentAsync());

        proxy.Restore();
        var recovered = new LocatorAssertionsToBeHiddenOptions { Timeout = 20_000 };
        await Assertions.Expect(display.Page.Locator("#reconnecting")).ToBeHiddenAsync(recovered);
        await Assertions.Expect(display.Page.Locator("#status")).ToHaveAttributeAsync("data-state", "connected");
        await Assertions.Expect(display.Speaker).ToHaveTextAsync("The moderator (opening statement)");
        await Assertions.Expect(display.Countdown).ToHaveAttributeAsync("data-state", "normal");

        // And it is live again: the next change arrives by push.
        await moderator.SayAsync("/timer pause");
        await Assertions.Expect(display.Countdown).ToHaveAttributeAsync("data-state", "paused");
    }

    /// <summary>Runs a command from a chat page and returns how long after it was sent, and after its response, the display showed the change.</summary>
    private static async Task<(string, double, double)> MeasureAsync(DisplayPage display, IPage chat, string condition, Func<Task> command, string step)
    {
        await display.ArmAsync(condition);
        await CommandTiming.ResetAsync(chat);
        await command();
        var changedAt = await display.ChangedAtAsync();
        var (sent, answered) = await CommandTiming.LastAsync(chat);
        return (step, changedAt - sent, changedAt - answered);
    }

    /// <summary>Advances the fake clock (a timer notice fires) and returns how long the display took to show it.</summary>
    private static async Task<double> MeasureTimerAsync(DisplayPage display, LiveHost host, TimeSpan advance, string condition)
    {
        await display.ArmAsync(condition);
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        host.Clock.Advance(advance);
        return await display.ChangedAtAsync() - before;
    }

    private static Task<string> BackgroundAsync(DisplayPage display) =>
        display.Countdown.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");

    private void Report(List<(string Step, double FromSent, double FromAnswer)> latencies)
    {
        var lines = latencies.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Step,-40} from sent {l.FromSent,7:F1} ms   from response {(double.IsNaN(l.FromAnswer) ? "      —" : l.FromAnswer.ToString("F1", CultureInfo.InvariantCulture).PadLeft(7))} ms")).ToList();
        foreach (var line in lines)
        {
            _output.WriteLine(line);
        }

        Directory.CreateDirectory(Artifacts.Directory);
        File.WriteAllLines(Path.Combine(Artifacts.Directory, "display-latency.txt"), lines);
    }

    private static partial class Patterns
    {
        [GeneratedRegex(@"^(2:00|1:5\d)$")]
        public static partial Regex Clock();

        [GeneratedRegex(@"^0:(30|2\d)$")]
        public static partial Regex Warning();

        [GeneratedRegex(@"^\+0:0[1-9]$")]
        public static partial Regex Overtime();
    }
}
