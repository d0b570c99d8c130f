using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace GcmBot.Scheduling.Tests;

/// <summary>A SignalR client joined to one web chat conversation, recording every message pushed to it.</summary>
public sealed class RoomFeed : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly HubConnection _connection;
    private readonly List<JsonElement> _messages = [];
    private readonly List<(Func<JsonElement, bool> Match, TaskCompletionSource<JsonElement> Done)> _waiters = [];
    private readonly Lock _gate = new();

    private RoomFeed(HubConnection connection)
    {
        _connection = connection;
    }

    /// <summary>A conversation as the page of the web user holding <paramref name="token"/> receives it (the hub hears only signed-in users).</summary>
    public static Task<RoomFeed> OpenAsync(Uri baseAddress, string conversation, string token) =>
        OpenAsync(baseAddress, async connection =>
        {
            await connection.InvokeAsync("SignIn", token);
            await connection.InvokeAsync("Join", conversation);
        });

    /// <summary>The private messages of the web user holding <paramref name="token"/>, as their page receives them.</summary>
    public static Task<RoomFeed> OpenPrivateAsync(Uri baseAddress, string token) =>
        OpenAsync(baseAddress, connection => connection.InvokeAsync("SignIn", token));

    /// <summary>A started connection that has neither signed in nor joined anything (an anonymous visitor).</summary>
    public static Task<RoomFeed> ConnectAsync(Uri baseAddress) => OpenAsync(baseAddress, _ => Task.CompletedTask);

    private static async Task<RoomFeed> OpenAsync(Uri baseAddress, Func<HubConnection, Task> join)
    {
        var connection = new HubConnectionBuilder().WithUrl(new Uri(baseAddress, "/hubs/chat")).Build();
        var feed = new RoomFeed(connection);
        connection.On<JsonElement>("message", feed.Receive);
        await connection.StartAsync();
        await join(connection);
        return feed;
    }

    /// <summary>Calls a hub method with one argument, as the page does (<c>SignIn</c>, <c>Join</c>).</summary>
    public Task InvokeAsync(string method, string argument) => _connection.InvokeAsync(method, argument);

    public IReadOnlyList<JsonElement> Received
    {
        get
        {
            lock (_gate)
            {
                return [.. _messages];
            }
        }
    }

    public int Count(Func<JsonElement, bool> match) => Received.Count(match);

    /// <summary>The first message (already received or still to come) that matches.</summary>
    public Task<JsonElement> WaitForAsync(Func<JsonElement, bool> match) => WaitForAsync(match, 1, Patience);

    /// <summary>The <paramref name="nth"/> matching message, waiting at most <paramref name="timeout"/> for it.</summary>
    public Task<JsonElement> WaitForAsync(Func<JsonElement, bool> match, int nth, TimeSpan timeout)
    {
        var done = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            var seen = _messages.Where(match).ToList();
            if (seen.Count >= nth)
            {
                return Task.FromResult(seen[nth - 1]);
            }

            var remaining = nth - seen.Count;
            _waiters.Add((m => match(m) && --remaining == 0, done));
        }

        return done.Task.WaitAsync(timeout);
    }

    private void Receive(JsonElement message)
    {
        var copy = message.Clone();
        lock (_gate)
        {
            _messages.Add(copy);
            foreach (var waiter in _waiters.Where(w => w.Match(copy)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult(copy);
            }
        }
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
