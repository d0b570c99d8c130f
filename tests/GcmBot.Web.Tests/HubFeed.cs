using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace GcmBot.Web.Tests;

/// <summary>A raw SignalR client of the chat hub over a real WebSocket on loopback, recording every message pushed to it.</summary>
public sealed class HubFeed : IAsyncDisposable
{
    private static readonly TimeSpan _patience = TimeSpan.FromSeconds(20);

    private readonly HubConnection _connection;
    private readonly List<JsonElement> _messages = [];
    private readonly List<(Func<JsonElement, bool> Match, TaskCompletionSource<JsonElement> Done)> _waiters = [];
    private readonly Lock _gate = new();

    private HubFeed(HubConnection connection)
    {
        _connection = connection;
    }

    public HubConnection Connection => _connection;

    /// <summary>A started connection that has neither signed in nor joined anything.</summary>
    public static async Task<HubFeed> ConnectAsync(Uri baseAddress)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "/hubs/chat"), options =>
            {
                options.SkipNegotiation = true;
                options.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
            })
            .Build();
        var feed = new HubFeed(connection);
        connection.On<JsonElement>("message", feed.Receive);
        await connection.StartAsync();
        return feed;
    }

    /// <summary>Signed in with <paramref name="token"/> and joined to <paramref name="conversation"/>, as the chat page does.</summary>
    public static async Task<HubFeed> JoinAsync(Uri baseAddress, string token, string conversation)
    {
        var feed = await ConnectAsync(baseAddress);
        await feed._connection.InvokeAsync("SignIn", token);
        await feed._connection.InvokeAsync("Join", conversation);
        return feed;
    }

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

    /// <summary>The first message (already received or still to come) that matches, within a bound.</summary>
    public Task<JsonElement> WaitForAsync(Func<JsonElement, bool> match)
    {
        var done = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            var seen = _messages.FirstOrDefault(match);
            if (seen.ValueKind != JsonValueKind.Undefined)
            {
                return Task.FromResult(seen);
            }

            _waiters.Add((match, done));
        }

        return done.Task.WaitAsync(_patience);
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

    public static string Text(JsonElement message) => message.GetProperty("text").GetString() ?? "";

    public static string Id(JsonElement message) => message.GetProperty("id").GetString()!;

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
