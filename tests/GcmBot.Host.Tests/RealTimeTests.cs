using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace GcmBot.Host.Tests;

public sealed class RealTimeTests
{
    [Fact]
    public async Task SessionOpen_FromAnotherRoom_AnnouncedToSessionRoomConversation()
    {
        await using var app = new GcmBotApp();
        var organiser = await app.IdentityAsync("Secretariat", null, "organiser");
        var received = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var roomB = app.Hub("/hubs/chat");
        await using var roomA = app.Hub("/hubs/chat");
        var repliedInRoomA = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        roomB.On<JsonElement>("message", message => received.TrySetResult(message));
        roomA.On<JsonElement>("message", message =>
        {
            if (message.GetProperty("author").GetProperty("isBot").GetBoolean())
            {
                repliedInRoomA.TrySetResult(message);
            }
        });
        await roomB.StartAsync();
        await roomA.StartAsync();
        var watcher = await app.IdentityAsync("Delegate of Chile", "Chile", "delegate");
        await roomB.InvokeAsync("SignIn", watcher);
        await roomA.InvokeAsync("SignIn", watcher);
        await roomB.InvokeAsync("Join", GcmBotApp.RoomB);
        await roomA.InvokeAsync("Join", GcmBotApp.RoomA);

        await app.SendAsync(organiser, GcmBotApp.RoomA, "/session open AG2");
        var announcement = await received.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(GcmBotApp.RoomB, announcement.GetProperty("conversation").GetString());
        Assert.Equal("AG2 open — Room B", announcement.GetProperty("title").GetString());
        Assert.True(announcement.GetProperty("author").GetProperty("isBot").GetBoolean());
        var reply = await repliedInRoomA.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(GcmBotApp.RoomA, reply.GetProperty("conversation").GetString());
        Assert.Equal("AG2 open — Room B", reply.GetProperty("title").GetString());
    }
}
