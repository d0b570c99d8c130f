using System.Text.Json;
using GcmBot.Scheduling.Tests;
using Microsoft.AspNetCore.SignalR;

namespace GcmBot.Web.Tests;

/// <summary>What the chat hub sends to whom, read with raw SignalR clients over real WebSockets on loopback.</summary>
public sealed class ChatHubTests
{
    private const string RoomA = WebChat.RoomA;

    [Fact]
    public async Task Join_AnonymousConnection_RefusedAndHearsNothing()
    {
        await using var host = new LiveHost();
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        var chat = new WebChat(client);
        var moderator = await chat.IdentityAsync("Marit Maij", null, "moderator");
        await using var anonymous = await RoomFeed.ConnectAsync(host.BaseAddress);
        await using var forged = await RoomFeed.ConnectAsync(host.BaseAddress);
        await using var chile = await RoomFeed.OpenAsync(host.BaseAddress, RoomA, await chat.IdentityAsync("Carla", "Chile", "delegate"));

        var refused = await Assert.ThrowsAsync<HubException>(() => anonymous.InvokeAsync("Join", RoomA));
        await Assert.ThrowsAsync<HubException>(() => forged.InvokeAsync("SignIn", "a-token-nobody-was-given"));
        await Assert.ThrowsAsync<HubException>(() => forged.InvokeAsync("Join", RoomA));
        await chat.RunAsync(moderator, RoomA, "/session open AG1");
        await chat.SayAsync(moderator, RoomA, "marker after the opening");

        await chile.WaitForAsync(m => Messages.Text(m) == "marker after the opening");
        Assert.Contains("Sign in", refused.Message, StringComparison.Ordinal);
        Assert.Empty(anonymous.Received);
        Assert.Empty(forged.Received);
    }

    [Fact]
    public async Task PrivateAnswers_SecondDelegate_GetsNoneOfTheFirstOnesAndOnlyItsOwnFloorCue()
    {
        await using var host = new LiveHost();
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        var chat = new WebChat(client);
        var moderator = await chat.IdentityAsync("Marit Maij", null, "moderator");
        var ana = await chat.IdentityAsync("Ana", "Mexico", "delegate");
        var carla = await chat.IdentityAsync("Carla", "Chile", "delegate");
        await using var mexico = await RoomFeed.OpenAsync(host.BaseAddress, RoomA, ana);
        await using var chile = await RoomFeed.OpenAsync(host.BaseAddress, RoomA, carla);
        await chat.RunAsync(moderator, RoomA, "/session open AG1");
        await chat.RunAsync(ana, RoomA, "/speak");
        await chat.RunAsync(carla, RoomA, "/speak");

        var privateIds = new List<string>();
        foreach (var command in new[] { "/queue", "/whoami", "/help", "/agenda", "/agenda now", "/no such command", "/card", "/remind me AG4" })
        {
            var answer = await chat.SendAsync(ana, RoomA, command);
            Assert.Equal("private", answer.GetProperty("visibility").GetString());
            privateIds.Add(Id(answer));
        }

        var next = await chat.RunAsync(moderator, RoomA, "/next");
        await chat.SayAsync(moderator, RoomA, "marker after the next");

        await chile.WaitForAsync(m => Messages.Text(m) == "marker after the next");
        var toMexico = await mexico.WaitForAsync(m => Messages.Text(m).StartsWith("**You have the floor**", StringComparison.Ordinal));
        var toChile = await chile.WaitForAsync(m => Messages.Text(m).StartsWith("**You are next**", StringComparison.Ordinal));
        Assert.Equal("private", toMexico.GetProperty("visibility").GetString());
        Assert.Equal("private", toChile.GetProperty("visibility").GetString());
        Assert.All(privateIds, id => Assert.Contains(mexico.Received, m => Id(m) == id));
        Assert.DoesNotContain(chile.Received, m => privateIds.Contains(Id(m)));
        Assert.DoesNotContain(chile.Received, m => Messages.Text(m).Contains("You have the floor", StringComparison.Ordinal));
        Assert.DoesNotContain(mexico.Received, m => Messages.Text(m).Contains("You are next", StringComparison.Ordinal));
        // Ana's typed commands stay hers too: the room heard only her request for the floor.
        Assert.DoesNotContain(chile.Received, m => Messages.Text(m) is "/whoami" or "/queue" or "/agenda");

        // The room hears who has the floor, without the chair's buttons; the moderator's own answer has them.
        var roomCopy = chile.Received.Single(m => Id(m) == Id(next));
        Assert.DoesNotContain(Commands(roomCopy), c => c is "/next" or "/timer pause");
        Assert.Contains("/next", Commands(next));
    }

    [Fact]
    public async Task History_MoreThanAPage_LatestTwoHundredThenTheOlderOnesAndNoneWithoutAnIdentity()
    {
        await using var host = new LiveHost();
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        var chat = new WebChat(client);
        var ana = await chat.IdentityAsync("Ana", "Mexico", "delegate");
        var carla = await chat.IdentityAsync("Carla", "Chile", "delegate");
        for (var i = 1; i <= 205; i++)
        {
            await chat.SayAsync(ana, RoomA, $"line {i}");
        }

        var latest = await HistoryAsync(client, carla, null);
        var older = await HistoryAsync(client, carla, latest.GetProperty("before").GetInt64());
        using var anonymous = await client.GetAsync(new Uri("/api/web/history?conversation=room:Room%20A", UriKind.Relative));

        Assert.Equal([.. Enumerable.Range(6, 200).Select(i => $"line {i}")], latest.GetProperty("messages").EnumerateArray().Select(Messages.Text));
        Assert.Equal([.. Enumerable.Range(1, 5).Select(i => $"line {i}")], older.GetProperty("messages").EnumerateArray().Select(Messages.Text));
        Assert.Equal(JsonValueKind.Null, older.GetProperty("before").ValueKind);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    private static async Task<JsonElement> HistoryAsync(HttpClient client, string token, long? before)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/web/history?conversation=room:Room%20A{(before is { } b ? $"&before={b}" : "")}");
        request.Headers.Add("X-GcmBot-User", token);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        using var json = JsonDocument.Parse(body);
        return json.RootElement.Clone();
    }

    private static string Id(JsonElement message) => message.GetProperty("id").GetString()!;

    private static IEnumerable<string> Commands(JsonElement message) =>
        message.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("command").GetString()!);
}
