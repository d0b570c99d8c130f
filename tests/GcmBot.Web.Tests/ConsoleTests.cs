using System.Text.RegularExpressions;
using GcmBot.Scheduling.Tests;
using Microsoft.Playwright;

namespace GcmBot.Web.Tests;

/// <summary>The chair's console buttons in Chromium, each judged by what the room then sees.</summary>
public sealed class ConsoleTests
{
    [Fact]
    public async Task MoveUpThenNext_ReordersTheListAndGivesTheFloor()
    {
        await using var room = await ChairedRoom.OpenAsync(("Ana", "Mexico"), ("Carla", "Chile"), ("Ines", "IOM"));
        var chair = room.Chair.Page;
        var rows = chair.Locator("#console-list-items li .name");
        await Assertions.Expect(chair.Locator("#console")).ToBeVisibleAsync();
        await Assertions.Expect(rows).ToHaveTextAsync(["Mexico", "Chile", "International Organization for Migration"]);
        await Assertions.Expect(chair.Locator("#console-estimate")).ToContainTextAsync("Estimated end");

        await chair.GetByLabel("Move Chile up").ClickAsync();
        await Assertions.Expect(rows).ToHaveTextAsync(["Chile", "Mexico", "International Organization for Migration"]);

        await room.Button("Next").ClickAsync();
        await Assertions.Expect(chair.Locator("#live-speaker")).ToHaveTextAsync("Chile has the floor");
        await Assertions.Expect(rows).ToHaveTextAsync(["Mexico", "International Organization for Migration"]);
    }

    [Fact]
    public async Task PauseResumeExtendStop_TheLiveCountdownFollowsAndStopEndsTheIntervention()
    {
        await using var room = await ChairedRoom.OpenAsync(("Ana", "Mexico"));
        await using var carla = await room.OpenDelegateAsync("Carla", "Chile");
        var countdown = carla.Page.Locator("#live-countdown");
        var pause = room.Chair.Page.Locator("#console-pause");

        await room.Button("Next").ClickAsync();
        await Assertions.Expect(carla.Page.Locator("#live-speaker")).ToHaveTextAsync("Mexico has the floor");

        room.Host.Clock.Advance(TimeSpan.FromSeconds(20));
        await Assertions.Expect(pause).ToHaveTextAsync("Pause");
        await pause.ClickAsync();
        await Assertions.Expect(countdown).ToHaveAttributeAsync("data-state", "paused");
        await Assertions.Expect(countdown).ToHaveTextAsync("1:40 paused");
        await Assertions.Expect(pause).ToHaveTextAsync("Resume");

        // Paused time does not count: half a minute later it resumes from 1:40 (less the browser's own seconds since).
        room.Host.Clock.Advance(TimeSpan.FromSeconds(30));
        await pause.ClickAsync();
        await Assertions.Expect(countdown).ToHaveAttributeAsync("data-state", "normal");
        await Assertions.Expect(countdown).ToHaveTextAsync(new Regex("^1:(40|3[0-9])$"));
        await Assertions.Expect(pause).ToHaveTextAsync("Pause");

        await room.Button("+1 min").ClickAsync();
        await Assertions.Expect(countdown).ToHaveTextAsync(new Regex("^2:(40|3[0-9])$"));

        await room.Button("Stop").ClickAsync();
        await Assertions.Expect(carla.Page.Locator("#live-speaker")).ToHaveTextAsync("Nobody has the floor");
        await Assertions.Expect(countdown).ToHaveAttributeAsync("data-state", "idle");
        await Assertions.Expect(countdown).ToBeEmptyAsync();
        await Assertions.Expect(carla.Page.Locator("#log .countdown").Last).ToHaveAttributeAsync("data-state", "ended");
    }

    [Fact]
    public async Task CloseListThenReopen_DelegateRefusedPolitelyThenAccepted()
    {
        await using var room = await ChairedRoom.OpenAsync();
        await using var ana = await room.OpenDelegateAsync("Ana", "Mexico");
        var list = room.Chair.Page.Locator("#console-list");

        await Assertions.Expect(list).ToHaveTextAsync("Close list");
        await list.ClickAsync();
        await Assertions.Expect(list).ToHaveTextAsync("Reopen list");
        await Assertions.Expect(ana.Page.Locator("#live-session")).ToContainTextAsync("list closed");

        var before = await ana.BotMessages.CountAsync();
        await ana.Page.Locator("#live-ask").ClickAsync();
        await Assertions.Expect(ana.BotMessages).Not.ToHaveCountAsync(before);
        await Assertions.Expect(ana.Page.Locator("#log")).ToContainTextAsync("The speakers list of AG1 is closed. You can still raise a point of order");
        await Assertions.Expect(room.Chair.Page.Locator("#console-list-items li")).ToHaveCountAsync(0);

        await list.ClickAsync();
        await Assertions.Expect(list).ToHaveTextAsync("Close list");
        await ana.Page.Locator("#live-ask").ClickAsync();
        await Assertions.Expect(ana.Page.Locator("#live-place")).ToHaveTextAsync("Your place: #1");
        await Assertions.Expect(room.Chair.Page.Locator("#console-list-items li .name")).ToHaveTextAsync(["Mexico"]);
    }

    [Fact]
    public async Task StakeholderSegment_MovesTheListToTheStakeholdersAndTheButtonGoes()
    {
        await using var room = await ChairedRoom.OpenAsync(("Ana", "Mexico"), ("Ines", "IOM"), ("Carla", "Chile"));
        var rows = room.Chair.Page.Locator("#console-list-items li .name");
        var stakeholders = room.Chair.Page.Locator("#console-stakeholders");
        await Assertions.Expect(rows).ToHaveTextAsync(["Mexico", "Chile", "International Organization for Migration"]);
        await Assertions.Expect(stakeholders).ToBeVisibleAsync();

        await stakeholders.ClickAsync();
        await Assertions.Expect(stakeholders).ToBeHiddenAsync();
        await Assertions.Expect(rows).ToHaveTextAsync(["International Organization for Migration", "Mexico", "Chile"]);

        await room.Button("Next").ClickAsync();
        await Assertions.Expect(room.Chair.Page.Locator("#live-speaker")).ToHaveTextAsync("International Organization for Migration has the floor");
    }

    /// <summary>A live host with the chair's page open on Room A, AG1 open and the given delegations asking for the floor.</summary>
    private sealed class ChairedRoom : IAsyncDisposable
    {
        private readonly Browser _browser;
        private readonly HttpClient _client;

        private ChairedRoom(LiveHost host, Browser browser, HttpClient client, ChatPage chair)
        {
            Host = host;
            _browser = browser;
            _client = client;
            Chair = chair;
        }

        public LiveHost Host { get; }

        public ChatPage Chair { get; }

        public static async Task<ChairedRoom> OpenAsync(params (string Name, string Delegation)[] speakers)
        {
            var host = new LiveHost();
            var browser = await Browser.LaunchAsync();
            var client = new HttpClient { BaseAddress = host.BaseAddress };
            var chair = await ChatPage.OpenAsync(browser, host.BaseAddress, "Marit Maij", "Netherlands", "moderator", "Room A");
            var room = new ChairedRoom(host, browser, client, chair);
            await chair.SayAsync("/session open AG1");
            var api = new WebChat(client);
            foreach (var (name, delegation) in speakers)
            {
                await api.RunAsync(await api.IdentityAsync(name, delegation, "delegate"), WebChat.RoomA, "/speak");
            }

            return room;
        }

        public Task<ChatPage> OpenDelegateAsync(string name, string delegation) =>
            ChatPage.OpenAsync(_browser, Host.BaseAddress, name, delegation, "delegate", "Room A");

        public ILocator Button(string text) => Chair.Page.Locator("#console .console-buttons button", new() { HasText = text });

        public async ValueTask DisposeAsync()
        {
            await Chair.DisposeAsync();
            _client.Dispose();
            await _browser.DisposeAsync();
            await Host.DisposeAsync();
        }
    }
}
