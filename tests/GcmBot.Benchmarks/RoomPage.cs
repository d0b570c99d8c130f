using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace GcmBot.Benchmarks;

/// <summary>
/// One delegate's chat page, doing over the network what <c>chat.js</c> does: signed in to the chat hub and joined
/// to the room, watching the room on the display hub, and, like the page's side panel, asking
/// <c>/api/web/queue</c> for its place and the list when a room push shows a change of the list, the floor or the
/// session, at most once per 150 ms. With <c>everyPush</c> it asks as the page did before: 150 ms after the last push,
/// whatever the push changed.
/// </summary>
internal sealed class RoomPage : IAsyncDisposable
{
    /// <summary>The page's <c>refreshQueue</c> waits this long before it asks.</summary>
    private static readonly TimeSpan _queueDebounce = TimeSpan.FromMilliseconds(150);

    /// <summary>What the page compares between pushes before it asks again (chat messages change only the counts).</summary>
    private static readonly string[] _queueKeyParts = ["session", "floor", "next", "waiting", "listVersion"];

    private readonly int _index;
    private readonly HttpClient _client;
    private readonly Uri _queueUri;
    private readonly HubConnection _chat;
    private readonly HubConnection _display;
    private readonly Timer _queueTimer;
    private readonly Lock _gate = new();
    private readonly bool _everyPush;
    private string? _queueKey;
    private int _queuePending;
    private RoomRun? _run;
    private int _liveUpTo;
    private int _panelUpTo;

    private RoomPage(int index, string token, string delegation, HttpClient client, bool everyPush)
    {
        _index = index;
        _everyPush = everyPush;
        Token = token;
        Delegation = delegation;
        _client = client;
        _queueUri = new Uri($"/api/web/queue?conversation={Uri.EscapeDataString(BenchHost.Conversation)}", UriKind.Relative);
        _chat = new HubConnectionBuilder().WithUrl(new Uri(client.BaseAddress!, "/hubs/chat")).Build();
        _display = new HubConnectionBuilder().WithUrl(new Uri(client.BaseAddress!, "/hubs/display")).Build();
        _chat.On<JsonElement>("message", OnMessage);
        _display.On<JsonElement>("room", OnRoom);
        _queueTimer = new Timer(_ =>
        {
            Volatile.Write(ref _queuePending, 0);
            _ = RefreshQueueAsync();
        });
    }

    public string Token { get; }

    public string Delegation { get; }

    public static async Task<RoomPage> OpenAsync(int index, string token, string delegation, HttpClient client, bool everyPush)
    {
        var page = new RoomPage(index, token, delegation, client, everyPush);
        await page._chat.StartAsync();
        await page._chat.InvokeAsync("SignIn", token);
        await page._chat.InvokeAsync("Join", BenchHost.Conversation);
        await page._display.StartAsync();
        page.OnRoom(await page._display.InvokeAsync<JsonElement>("WatchRoom", BenchHost.Conversation["room:".Length..]));
        return page;
    }

    /// <summary>From now on the page counts what it receives into <paramref name="run"/>.</summary>
    public void Follow(RoomRun run)
    {
        lock (_gate)
        {
            _run = run;
            _liveUpTo = 0;
            _panelUpTo = 0;
        }
    }

    private void OnMessage(JsonElement message)
    {
        var run = Volatile.Read(ref _run);
        if (run is null)
        {
            return;
        }

        var text = message.GetProperty("text").GetString() ?? "";
        if (RoomBenchmark.RemarkNumber(text) is { } remark)
        {
            if (remark.Phase == run.Phase)
            {
                run.Received(_index, remark.Message);
            }

            return;
        }

        run.Other[_index].AddOrUpdate(message.GetProperty("id").GetGuid(), 1, (_, n) => n + 1);
    }

    private void OnRoom(JsonElement room)
    {
        var listed = room.GetProperty("next").EnumerateArray().Select(w => w.GetProperty("delegation").GetString()!).ToHashSet(StringComparer.Ordinal);
        lock (_gate)
        {
            if (_run is { } run)
            {
                _liveUpTo = CatchUp(run, run.LiveMs, _liveUpTo, listed);
            }
        }

        if (_everyPush)
        {
            // The page before issue 20: every push started the 150 ms wait again.
            _queueTimer.Change(_queueDebounce, Timeout.InfiniteTimeSpan);
            return;
        }

        // The page's applyLive and refreshQueue: only a changed list, floor or session asks, at most once per 150 ms.
        var key = string.Join('\n', _queueKeyParts.Select(p => room.TryGetProperty(p, out var v) ? v.GetRawText() : ""));
        lock (_gate)
        {
            if (key == _queueKey)
            {
                return;
            }

            _queueKey = key;
        }

        if (Interlocked.Exchange(ref _queuePending, 1) == 0)
        {
            _queueTimer.Change(_queueDebounce, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task RefreshQueueAsync()
    {
        var run = Volatile.Read(ref _run);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, _queueUri);
            request.Headers.Add("X-GcmBot-User", Token);
            using var response = await _client.SendAsync(request);
            if (!response.IsSuccessStatusCode)
            {
                return;
            }

            await using var body = await response.Content.ReadAsStreamAsync();
            using var json = await JsonDocument.ParseAsync(body);
            var listed = json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("label").GetString()!).ToHashSet(StringComparer.Ordinal);
            run?.QueueRefreshMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            lock (_gate)
            {
                if (_run is { } current && current == run)
                {
                    _panelUpTo = CatchUp(current, current.PanelMs, _panelUpTo, listed);
                }
            }
        }
        catch (HttpRequestException)
        {
            // A refresh that failed is one the panel did not get: the change counts as not shown.
        }
        catch (TaskCanceledException)
        {
        }
    }

    /// <summary>Marks every sent change this state shows, in order: a page has caught up with a change only after the one before.</summary>
    private int CatchUp(RoomRun run, double[][] times, int upTo, HashSet<string> listed)
    {
        while (upTo < run.ChangesSent && listed.Contains(run.Changes[upTo].Delegation) == run.Changes[upTo].Listed)
        {
            times[upTo][_index] = run.SinceChange(upTo);
            upTo++;
        }

        return upTo;
    }

    public async ValueTask DisposeAsync()
    {
        await _queueTimer.DisposeAsync();
        await _chat.DisposeAsync();
        await _display.DisposeAsync();
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"page {_index} ({Delegation})");
}
