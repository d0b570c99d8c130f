using System.Text.RegularExpressions;
using GcmBot.Scheduling.Tests;
using Microsoft.Playwright;

namespace GcmBot.Web.Tests;

/// <summary>The chair's console buttons in Chromium, each judged by what the room then sees.</summary>
public sealed class ConsoleTests
{
    private const string RoomA = WebChat.RoomA;

    [Fact]
    public async Task PauseResumeExtendStop_TheLiveCountdownFollowsAndStopEndsTheIntervention()
    {
        await using var host = new LiveHost();
        await using var browser = await Browser.LaunchAsync();
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        var api = new WebChat(client);
        await using var chair = await ChatPage.OpenAsync(browser, host.BaseAddress, "Marit Maij", "Netherlands", "moderator", "Room A");
        await chair.SayAsync("/session open AG1");
        await api.RunAsync(await api.IdentityAsync("Ana", "Mexico", "delegate"), RoomA, "/speak");
        await using var carla = await ChatPage.OpenAsync(browser, host.BaseAddress, "Carla", "Chile", "delegate", "Room A");
        var countdown = carla.Page.Locator("#live-countdown");
        var pause = chair.Page.Locator("#console-pause");

        await Button(chair, "Next").ClickAsync();
        await Assertions.Expect(carla.Page.Locator("#live-speaker")).ToHaveTextAsync("Mexico has the floor");

        host.Clock.Advance(TimeSpan.FromSeconds(20));
        await Assertions.Expect(pause).ToHaveTextAsync("Pause");
        await pause.ClickAsync();
        await Assertions.Expect(countdown).ToHaveAttributeAsync("data-state", "paused");
        await Assertions.Expect(countdown).ToHaveTextAsync("1:40 paused");
        await Assertions.Expect(pause).ToHaveTextAsync("Resume");

        // Paused time does not count: half a minute later it resumes with the same 1:40.
        host.Clock.Advance(TimeSpan.FromSeconds(30));
        await pause.ClickAsync();
        await Assertions.Expect(countdown).ToHaveAttributeAsync("data-state", "normal");
        await Assertions.Expect(countdown).ToHaveTextAsync(new Regex("^1:(40|3[0-9])$"));
        await Assertions.Expect(pause).ToHaveTextAsync("Pause");

        await Button(chair, "+1 min").ClickAsync();
        await Assertions.Expect(countdown).ToHaveTextAsync(new Regex("^2:(40|3[0-9])$"));

        await Button(chair, "Stop").ClickAsync();
        await Assertions.Expect(carla.Page.Locator("#live-speaker")).ToHaveTextAsync("Nobody has the floor");
        await Assertions.Expect(countdown).ToHaveAttributeAsync("data-state", "idle");
        await Assertions.Expect(countdown).ToBeEmptyAsync();
        await Assertions.Expect(carla.Page.Locator("#log .countdown").Last).ToHaveAttributeAsync("data-state", "ended");
    }

    [Fact]
    public async Task CloseListThenReopen_DelegateRefusedPolitelyThenAccepted()
    {
        await using var host = new LiveHost();
        await using var browser = await Browser.LaunchAsync();
        await using var chair = await ChatPage.OpenAsync(browser, host.BaseAddress, "Marit Maij", "Netherlands", "moderator", "Room A");
        await chair.SayAsync("/session open AG1");
        await using var ana = await ChatPage.OpenAsync(browser, host.BaseAddress, "Ana", "Mexico", "delegate", "Room A");
        var list = chair.Page.Locator("#console-list");

        await Assertions.Expect(list).ToHaveTextAsync("Close list");
        await list.ClickAsync();
        await Assertions.Expect(list).ToHaveTextAsync("Reopen list");
        await Assertions.Expect(ana.Page.Locator("#live-session")).ToContainTextAsync("list closed");

        var before = await ana.BotMessages.CountAsync();
        await ana.Page.Locator("#live-ask").ClickAsync();
        await Assertions.Expect(ana.BotMessages).Not.ToHaveCountAsync(before);
        await Assertions.Expect(ana.Page.Locator("#log")).ToContainTextAsync("The speakers list of AG1 is closed. You can still raise a point of order");
        await Assertions.Expect(chair.Page.Locator("#console-list-items li")).ToHaveCountAsync(0);

        await list.ClickAsync();
        await Assertions.Expect(list).ToHaveTextAsync("Close list");
        await ana.Page.Locator("#live-ask").ClickAsync();
        await Assertions.Expect(ana.Page.Locator("#live-place")).ToHaveTextAsync("Your place: #1");
        await Assertions.Expect(chair.Page.Locator("#console-list-items li .name")).ToHaveTextAsync(["Mexico"]);
    }

    [Fact]
    public async Task StakeholderSegment_MovesTheListToTheStakeholdersAndTheButtonGoes()
    {
        await using var host = new LiveHost();
        await using var browser = await Browser.LaunchAsync();
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        var api = new WebChat(client);
        await using var chair = await ChatPage.OpenAsync(browser, host.BaseAddress, "Marit Maij", "Netherlands", "moderator", "Room A");
        await chair.SayAsync("/session open AG1");
        foreach (var (name, delegation) in new[] { ("Ana", "Mexico"), ("Ines", "IOM"), ("Carla", "Chile") })
        {
            await api.RunAsync(await api.IdentityAsync(name, delegation, "delegate"), RoomA, "/speak");
        }

        var rows = chair.Page.Locator("#console-list-items li");
        var stakeholders = chair.Page.Locator("#console-stakeholders");
        await Assertions.Expect(rows.Locator(".name")).ToHaveTextAsync(["Mexico", "Chile", "International Organization for Migration"]);
        await Assertions.Expect(stakeholders).ToBeVisibleAsync();

        await stakeholders.ClickAsync();
        await Assertions.Expect(stakeholders).ToBeHiddenAsync();
        await Assertions.Expect(rows.Locator(".name")).ToHaveTextAsync(["International Organization for Migration", "Mexico", "Chile"]);

        await Button(chair, "Next").ClickAsync();
        await Assertions.Expect(chair.Page.Locator("#live-speaker")).ToHaveTextAsync("International Organization for Migration has the floor");
    }

    private static ILocator Button(ChatPage page, string text) =>
        page.Page.Locator("#console .console-buttons button", new() { HasText = text });
}
