using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace GcmBot.Web.Tests;

/// <summary>What the chat hub sends to whom, read with raw SignalR clients over real WebSockets on loopback.</summary>
public sealed class ChatHubTests
{
    private const string RoomA = "room:Room A";

    [Fact]
    public async Task Join_AnonymousConnection_RefusedAndHearsNothing()
    {
        await using var host = new LiveHost();
        using var api = new WebApi(host.BaseAddress);
        var moderator = await api.IdentityAsync("Marit Maij", null, "moderator");
        await using var anonymous = await HubFeed.ConnectAsync(host.BaseAddress);
        await using var forged = await HubFeed.ConnectAsync(host.BaseAddress);
        await using var chile = await HubFeed.JoinAsync(host.BaseAddress, await api.IdentityAsync("Carla", "Chile", "delegate"), RoomA);

        var refused = await Assert.ThrowsAsync<HubException>(() => anonymous.Connection.InvokeAsync("Join", RoomA));
        await Assert.ThrowsAsync<HubException>(() => forged.Connection.InvokeAsync("SignIn", "a-token-nobody-was-given"));
        await Assert.ThrowsAsync<HubException>(() => forged.Connection.InvokeAsync("Join", RoomA));
        await api.SendAsync(moderator, RoomA, "/session open AG1");
        await api.SendAsync(moderator, RoomA, "marker after the opening");

        await chile.WaitForAsync(m => HubFeed.Text(m) == "marker after the opening");
        Assert.Contains("Sign in", refused.Message, StringComparison.Ordinal);
        Assert.Empty(anonymous.Received);
        Assert.Empty(forged.Received);
    }

    [Fact]
    public async Task PrivateAnswers_SecondDelegate_GetsNoneOfTheFirstOnesAndOnlyItsOwnFloorCue()
    {
        await using var host = new LiveHost();
        using var api = new WebApi(host.BaseAddress);
        var moderator = await api.IdentityAsync("Marit Maij", null, "moderator");
        var ana = await api.IdentityAsync("Ana", "Mexico", "delegate");
        var carla = await api.IdentityAsync("Carla", "Chile", "delegate");
        await using var mexico = await HubFeed.JoinAsync(host.BaseAddress, ana, RoomA);
        await using var chile = await HubFeed.JoinAsync(host.BaseAddress, carla, RoomA);
        await api.SendAsync(moderator, RoomA, "/session open AG1");
        await api.SendAsync(ana, RoomA, "/speak");
        await api.SendAsync(carla, RoomA, "/speak");

        var privateIds = new List<string>();
        foreach (var command in new[] { "/queue", "/whoami", "/help", "/agenda", "/agenda now", "/no such command", "/card", "/remind me AG4" })
        {
            var answer = await api.SendAsync(ana, RoomA, command);
            Assert.Equal("private", answer.GetProperty("visibility").GetString());
            privateIds.Add(HubFeed.Id(answer));
        }

        var next = await api.SendAsync(moderator, RoomA, "/next");
        await api.SendAsync(moderator, RoomA, "marker after the next");

        await chile.WaitForAsync(m => HubFeed.Text(m) == "marker after the next");
        var toMexico = await mexico.WaitForAsync(m => HubFeed.Text(m).StartsWith("**You have the floor**", StringComparison.Ordinal));
        var toChile = await chile.WaitForAsync(m => HubFeed.Text(m).StartsWith("**You are next**", StringComparison.Ordinal));
        Assert.Equal("private", toMexico.GetProperty("visibility").GetString());
        Assert.Equal("private", toChile.GetProperty("visibility").GetString());
        Assert.All(privateIds, id => Assert.Contains(mexico.Received, m => HubFeed.Id(m) == id));
        Assert.DoesNotContain(chile.Received, m => privateIds.Contains(HubFeed.Id(m)));
        Assert.DoesNotContain(chile.Received, m => HubFeed.Text(m).Contains("You have the floor", StringComparison.Ordinal));
        Assert.DoesNotContain(mexico.Received, m => HubFeed.Text(m).Contains("You are next", StringComparison.Ordinal));
        // Ana's typed commands stay hers too: the room heard only her request for the floor.
        Assert.DoesNotContain(chile.Received, m => HubFeed.Text(m) is "/whoami" or "/queue" or "/agenda");

        // The room hears who has the floor, without the chair's buttons; the moderator's own answer has them.
        var roomCopy = chile.Received.Single(m => HubFeed.Id(m) == HubFeed.Id(next));
        Assert.DoesNotContain(Commands(roomCopy), c => c is "/next" or "/timer pause");
        Assert.Contains("/next", Commands(next));
    }

    private static IEnumerable<string> Commands(JsonElement message) =>
        message.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("command").GetString()!);
}
