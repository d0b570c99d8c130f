using GcmBot.Scheduling.Tests;
using Microsoft.Playwright;

namespace GcmBot.Web.Tests;

/// <summary>The web chat as a meeting room, in Chromium: history across a restart, the side panel, countdowns (the console's buttons: ConsoleTests).</summary>
public sealed class ChatRoomTests
{
    private const string RoomA = WebChat.RoomA;

    [Fact]
    public async Task Reload_AfterHostRestart_ShowsRoomHistoryOwnPrivateMessagesAndWhoHasTheFloor()
    {
        var database = Path.Combine(Path.GetTempPath(), $"gcmbot-web-restart-{Guid.NewGuid():N}.db");
        try
        {
            var first = new LiveHost(database: database);
            await using var proxy = new LoopbackProxy(first.BaseAddress);
            await using var browser = await Browser.LaunchAsync();
            await using var ana = await ChatPage.OpenAsync(browser, proxy.BaseAddress, "Ana", "Mexico", "delegate", "Room A");
            using (var client = new HttpClient { BaseAddress = first.BaseAddress })
            {
                var api = new WebChat(client);
                var moderator = await api.IdentityAsync("Marit Maij", null, "moderator");
                await api.RunAsync(moderator, RoomA, "/session open AG1");
                await ana.SayAsync("/speak");
                await ana.SayAsync("/whoami");
                await api.RunAsync(moderator, RoomA, "/next");
            }

            await Assertions.Expect(ana.Page.Locator("#live-speaker")).ToHaveTextAsync("Mexico has the floor");
            proxy.Cut();
            await first.DisposeAsync();
            await using var second = new LiveHost(database: database);
            proxy.Restore(second.BaseAddress);

            await ana.Page.ReloadAsync();

            var log = ana.Page.Locator("#log");
            await Assertions.Expect(log).ToContainTextAsync("is open");
            await Assertions.Expect(log).ToContainTextAsync("Mexico asked for the floor");
            await Assertions.Expect(log).ToContainTextAsync("You speak for Mexico");
            await Assertions.Expect(log).ToContainTextAsync("You have the floor");
            await Assertions.Expect(ana.Page.Locator("#live-speaker")).ToHaveTextAsync("Mexico has the floor");
            await Assertions.Expect(ana.Page.Locator("#live-countdown")).Not.ToBeEmptyAsync();

            // Someone else opening the room after the restart gets the room's history, not Ana's own answers.
            await using var carla = await ChatPage.OpenAsync(browser, proxy.BaseAddress, "Carla", "Chile", "delegate", "Room A");
            await Assertions.Expect(carla.Page.Locator("#log")).ToContainTextAsync("Mexico asked for the floor");
            Assert.DoesNotContain("You speak for Mexico", await carla.Page.Locator("#log").InnerTextAsync(), StringComparison.Ordinal);
            Assert.DoesNotContain("You have the floor", await carla.Page.Locator("#log").InnerTextAsync(), StringComparison.Ordinal);
        }
        finally
        {
            LiveHost.DeleteDatabase(database);
        }
    }

    [Fact]
    public async Task Reconnect_AfterMissingMessages_CatchesUpInOrderOnceEachPrivateOnesOnlyForTheirOwner()
    {
        await using var host = new LiveHost();
        await using var proxy = new LoopbackProxy(host.BaseAddress);
        await using var browser = await Browser.LaunchAsync();
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        var api = new WebChat(client);
        var moderator = await api.IdentityAsync("Marit Maij", null, "moderator");
        await api.RunAsync(moderator, RoomA, "/session open AG1");
        await using var ana = await ChatPage.OpenAsync(browser, proxy.BaseAddress, "Ana", "Mexico", "delegate", "Room A");
        await using var carla = await ChatPage.OpenAsync(browser, proxy.BaseAddress, "Carla", "Chile", "delegate", "Room A");
        await ana.SayAsync("/speak");
        await Assertions.Expect(ana.Page.Locator("#log")).ToContainTextAsync("Mexico asked for the floor");

        proxy.Cut();
        await Assertions.Expect(ana.Page.Locator("#status")).ToHaveAttributeAsync("data-state", "reconnecting");
        await Assertions.Expect(carla.Page.Locator("#status")).ToHaveAttributeAsync("data-state", "reconnecting");
        var ines = await api.IdentityAsync("Ines", "Ecuador", "delegate");
        await api.SayAsync(ines, RoomA, "first while away");
        await api.RunAsync(moderator, RoomA, "/next");
        await api.SayAsync(ines, RoomA, "second while away");
        proxy.Restore();

        var reconnected = new LocatorAssertionsToHaveAttributeOptions { Timeout = 30_000 };
        await Assertions.Expect(ana.Page.Locator("#status")).ToHaveAttributeAsync("data-state", "connected", reconnected);
        await Assertions.Expect(carla.Page.Locator("#status")).ToHaveAttributeAsync("data-state", "connected", reconnected);
        await Assertions.Expect(ana.Page.Locator("#log")).ToContainTextAsync("second while away");
        await Assertions.Expect(carla.Page.Locator("#log")).ToContainTextAsync("second while away");

        var anaLog = await ana.Page.Locator("#log").InnerTextAsync();
        var first = anaLog.IndexOf("first while away", StringComparison.Ordinal);
        var cue = anaLog.IndexOf("You have the floor", StringComparison.Ordinal);
        var second = anaLog.IndexOf("second while away", StringComparison.Ordinal);
        Assert.True(first >= 0 && first < cue && cue < second, anaLog);
        Assert.Equal(first, anaLog.LastIndexOf("first while away", StringComparison.Ordinal));
        Assert.Equal(1, await ana.Page.Locator("#log .msg", new() { HasText = "Mexico has the floor" }).CountAsync());
        var carlaLog = await carla.Page.Locator("#log").InnerTextAsync();
        Assert.Contains("first while away", carlaLog, StringComparison.Ordinal);
        Assert.DoesNotContain("You have the floor", carlaLog, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Console_DelegatePage_HasNoConsoleButItsPlaceAndOneButton()
    {
        await using var host = new LiveHost();
        await using var browser = await Browser.LaunchAsync();
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        var api = new WebChat(client);
        await api.RunAsync(await api.IdentityAsync("Marit Maij", null, "moderator"), RoomA, "/session open AG1");
        await api.RunAsync(await api.IdentityAsync("Carla", "Chile", "delegate"), RoomA, "/speak");
        await using var ana = await ChatPage.OpenAsync(browser, host.BaseAddress, "Ana", "Mexico", "delegate", "Room A");

        await Assertions.Expect(ana.Page.Locator("#live-ask")).ToHaveTextAsync("Ask for the floor");
        await ana.Page.Locator("#live-ask").ClickAsync();

        await Assertions.Expect(ana.Page.Locator("#live-place")).ToHaveTextAsync("Your place: #2");
        await Assertions.Expect(ana.Page.Locator("#live-ask")).ToHaveTextAsync("Withdraw");
        await Assertions.Expect(ana.Page.Locator("#console")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Place_WhileTheRoomKeepsChatting_FollowsTheList()
    {
        await using var host = new LiveHost();
        await using var browser = await Browser.LaunchAsync();
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        var api = new WebChat(client);
        await api.RunAsync(await api.IdentityAsync("Marit Maij", null, "moderator"), RoomA, "/session open AG1");
        await using var ana = await ChatPage.OpenAsync(browser, host.BaseAddress, "Ana", "Mexico", "delegate", "Room A");
        await Assertions.Expect(ana.Page.Locator("#live-ask")).ToHaveTextAsync("Ask for the floor");

        // Every captured remark pushes the room again: four delegates chatting back to back keep the pushes coming
        // closer together than the page's 150 ms, which once put its place off for as long as the room chatted.
        using var chatting = new CancellationTokenSource();
        string[] talking = ["Chile", "Ecuador", "Philippines", "Germany"];
        var talkers = await Task.WhenAll(talking.Select(d => api.IdentityAsync($"Delegate of {d}", d, "delegate")));
        var chatter = talkers.Select(token => Task.Run(async () =>
        {
            for (var i = 0; !chatting.IsCancellationRequested; i++)
            {
                await api.SayAsync(token, RoomA, $"Remark {i} on regular pathways for migrant workers");
            }
        })).ToList();
        try
        {
            await ana.SayAsync("/speak");
            await Assertions.Expect(ana.Page.Locator("#live-place")).ToHaveTextAsync("Your place: #1");
            await Assertions.Expect(ana.Page.Locator("#live-ask")).ToHaveTextAsync("Withdraw");
            Assert.All(chatter, c => Assert.False(c.IsCompleted, "the room stopped chatting before the place was shown"));
        }
        finally
        {
            await chatting.CancelAsync();
            await Task.WhenAll(chatter);
        }
    }

    [Fact]
    public async Task Countdowns_NextThenPause_OnlyTheCurrentRunsFinishedKeepTheirTimePausedSaysSo()
    {
        await using var host = new LiveHost();
        await using var browser = await Browser.LaunchAsync();
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        var api = new WebChat(client);
        await using var chair = await ChatPage.OpenAsync(browser, host.BaseAddress, "Marit Maij", "Netherlands", "moderator", "Room A");
        await chair.SayAsync("/session open AG1");
        await api.RunAsync(await api.IdentityAsync("Ana", "Mexico", "delegate"), RoomA, "/speak");
        await api.RunAsync(await api.IdentityAsync("Carla", "Chile", "delegate"), RoomA, "/speak");
        var countdowns = chair.Page.Locator("#log .countdown");

        await chair.SayAsync("/next");
        await Assertions.Expect(countdowns).ToHaveCountAsync(1);
        await Assertions.Expect(countdowns.Nth(0)).ToHaveAttributeAsync("data-state", "running");

        host.Clock.Advance(TimeSpan.FromSeconds(45));
        await chair.SayAsync("/next");
        await Assertions.Expect(countdowns).ToHaveCountAsync(2);
        await Assertions.Expect(countdowns.Nth(0)).ToHaveAttributeAsync("data-state", "ended");
        await Assertions.Expect(countdowns.Nth(0)).ToHaveTextAsync("ended with 1:15 left");
        await Assertions.Expect(countdowns.Nth(1)).ToHaveAttributeAsync("data-state", "running");

        host.Clock.Advance(TimeSpan.FromSeconds(20));
        await chair.SayAsync("/timer pause");
        await Assertions.Expect(countdowns.Nth(1)).ToHaveAttributeAsync("data-state", "paused");
        await Assertions.Expect(countdowns.Nth(1)).ToContainTextAsync("paused, 1:40 left");
        await Assertions.Expect(countdowns.Nth(0)).ToHaveTextAsync("ended with 1:15 left");
    }

    [Fact]
    public async Task OpeningRoom_NoneChosen_ModeratorsSessionElseWhereTheDelegationAskedForTheFloor()
    {
        await using var host = new LiveHost();
        await using var browser = await Browser.LaunchAsync();
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        var api = new WebChat(client);
        var organiser = await api.IdentityAsync("Olga", null, "organiser");
        await using var bruno = await SignInWithoutRoomAsync(browser, host, "Bruno", "Netherlands");
        await using var carla = await SignInWithoutRoomAsync(browser, host, "Carla", "Chile");
        await api.RunAsync(organiser, RoomA, "/assign moderator Bruno AG2");
        host.Clock.Advance(TimeSpan.FromMinutes(10)); // 10:50: the action groups run
        await api.RunAsync(organiser, "room:Room C", "/session open AG3");
        var token = await carla.Page.EvaluateAsync<string>("() => JSON.parse(localStorage.getItem('gcmbot.identity')).userId");
        await api.RunAsync(token, "room:Room C", "/speak");

        await bruno.Page.ReloadAsync();
        await carla.Page.ReloadAsync();

        await Assertions.Expect(bruno.Page.Locator("#room-name")).ToHaveTextAsync("Room B");
        await Assertions.Expect(carla.Page.Locator("#room-name")).ToHaveTextAsync("Room C");

        // A room the person picks wins from then on.
        await carla.Page.Locator("#room").SelectOptionAsync("Room A");
        await carla.Page.ReloadAsync();
        await Assertions.Expect(carla.Page.Locator("#room-name")).ToHaveTextAsync("Room A");
    }

    /// <summary>A delegate who opens the chat's plain address (no room in it) and picks who they are.</summary>
    private static async Task<ChatPage> SignInWithoutRoomAsync(Browser browser, LiveHost host, string name, string delegation)
    {
        var chat = await ChatPage.OpenBlankAsync(browser, host.BaseAddress);
        await chat.Page.Locator("#display-name").FillAsync(name);
        await chat.Page.Locator("#delegation").SelectOptionAsync(new SelectOptionValue { Label = delegation });
        await chat.Page.Locator("#identity-submit").ClickAsync();
        await Assertions.Expect(chat.Page.Locator("#who-name")).ToHaveTextAsync(name);
        return chat;
    }
}
