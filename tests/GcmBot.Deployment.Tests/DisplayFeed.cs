using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace GcmBot.Deployment.Tests;

/// <summary>A room display's SignalR subscription, as the projector page makes it, recording every push.</summary>
internal sealed class DisplayFeed : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly List<(Func<JsonElement, bool> Match, TaskCompletionSource Done)> _waiters = [];
    private readonly List<JsonElement> _pushes = [];
    private readonly Lock _gate = new();

    private DisplayFeed(HubConnection connection)
    {
        _connection = connection;
    }

    public static async Task<DisplayFeed> WatchAsync(Uri baseAddress, string room)
    {
        var connection = new HubConnectionBuilder().WithUrl(new Uri(baseAddress, "/hubs/display")).Build();
        var feed = new DisplayFeed(connection);
        connection.On<JsonElement>("room", feed.Receive);
        await connection.StartAsync();
        feed.Receive(await connection.InvokeAsync<JsonElement>("WatchRoom", room));
        return feed;
    }

    /// <summary>Waits for a snapshot (already received or still to come) that matches.</summary>
    public Task WaitForAsync(Func<JsonElement, bool> match)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_pushes.Any(match))
            {
                return Task.CompletedTask;
            }

            _waiters.Add((match, done));
        }

        return done.Task.WaitAsync(TimeSpan.FromSeconds(20));
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();

    private void Receive(JsonElement display)
    {
        lock (_gate)
        {
            _pushes.Add(display.Clone());
            foreach (var waiter in _waiters.Where(w => w.Match(display)).ToList())
            {
                waiter.Done.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }
}
