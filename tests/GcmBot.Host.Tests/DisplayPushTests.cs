using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;

namespace GcmBot.Host.Tests;

/// <summary>Display pushes over the display hub, paced by <c>Displays:PushInterval</c> on the fake clock.</summary>
public sealed class DisplayPushTests
{
    [Fact]
    public async Task Pushes_ChangesWithinTheInterval_MergedIntoOnePushWhenItEnds()
    {
        await using var app = new GcmBotApp(settings: new Dictionary<string, string> { ["Displays:PushInterval"] = "00:00:00.050" });
        var moderator = await app.IdentityAsync("Marit", "Netherlands", "moderator");
        string[] delegations = ["Mexico", "Ecuador", "Germany", "Switzerland"];
        var delegates = new List<string>();
        foreach (var delegation in delegations)
        {
            delegates.Add(await app.IdentityAsync($"Delegate of {delegation}", delegation, "delegate"));
        }

        var pushes = Channel.CreateUnbounded<JsonElement>();
        await using var display = app.Hub("/hubs/display");
        display.On<JsonElement>("room", room => pushes.Writer.TryWrite(room.Clone()));
        await display.StartAsync();
        var watched = await display.InvokeAsync<JsonElement>("WatchRoom", "Room A");
        Assert.Equal("scheduled", Status(watched));

        // After a quiet spell a change is pushed at once, without the clock moving.
        await app.SendAsync(moderator, GcmBotApp.RoomA, "/session open AG1");
        var opened = await NextAsync(pushes);
        Assert.Equal(("open", 0), (Status(opened), Waiting(opened)));

        // Three changes inside the interval: nothing until it ends, then one push with all three.
        foreach (var token in delegates.Take(3))
        {
            await app.SendAsync(token, GcmBotApp.RoomA, "/speak");
        }

        app.Clock.Advance(TimeSpan.FromMilliseconds(50));
        Assert.Equal(3, Waiting(await NextAsync(pushes)));

        // Once the interval after that push has passed, the next change is pushed at once again.
        app.Clock.Advance(TimeSpan.FromMilliseconds(50));
        await app.SendAsync(delegates[3], GcmBotApp.RoomA, "/speak");
        Assert.Equal(4, Waiting(await NextAsync(pushes)));
        Assert.False(pushes.Reader.TryRead(out _));
    }

    private static string Status(JsonElement display) => display.GetProperty("session").GetProperty("status").GetString()!;

    private static int Waiting(JsonElement display) => display.GetProperty("waiting").GetInt32();

    private static async Task<JsonElement> NextAsync(Channel<JsonElement> pushes) =>
        await pushes.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
}
