using Microsoft.Extensions.Options;

namespace GcmBot.Teams.Outbound;

/// <summary>
/// Keeps outbound calls under Teams' published bot limits: about 50 requests a second per app, and per
/// conversation thread 7 operations a second and 1,800 an hour. Callers wait their turn instead of
/// collecting 429s; waiting runs on the injected <see cref="TimeProvider"/>.
/// </summary>
internal sealed class ConnectorPacer
{
    private readonly TimeProvider _time;
    private readonly TeamsOptions _options;
    private readonly SlidingWindow _app;
    private readonly Dictionary<string, (SlidingWindow Second, SlidingWindow Hour)> _conversations = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private int _sweepAt = 1024;

    public ConnectorPacer(TimeProvider time, IOptions<TeamsOptions> options)
    {
        _time = time;
        _options = options.Value;
        _app = new SlidingWindow(_options.AppRequestsPerSecond, TimeSpan.FromSeconds(1));
    }

    /// <summary>Returns once one more call to <paramref name="conversationId"/> is within every limit, and counts it.</summary>
    public async Task WaitTurnAsync(string conversationId, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = _time.GetUtcNow();
                if (!_conversations.TryGetValue(conversationId, out var windows))
                {
                    windows = (new SlidingWindow(_options.ConversationOperationsPerSecond, TimeSpan.FromSeconds(1)),
                        new SlidingWindow(_options.ConversationOperationsPerHour, TimeSpan.FromHours(1)));
                    _conversations[conversationId] = windows;
                }

                var slot = Max(_app.NextSlot(now), Max(windows.Second.NextSlot(now), windows.Hour.NextSlot(now)));
                if (slot <= now)
                {
                    _app.Record(now);
                    windows.Second.Record(now);
                    windows.Hour.Record(now);
                    Forget(now);
                    return;
                }

                wait = slot - now;
            }

            await Task.Delay(wait, _time, cancellationToken);
        }
    }

    /// <summary>Conversations quiet for an hour are forgotten, so the table does not grow without end.</summary>
    private void Forget(DateTimeOffset now)
    {
        if (_conversations.Count < _sweepAt)
        {
            return;
        }

        foreach (var (id, windows) in _conversations.ToList())
        {
            windows.Hour.NextSlot(now);
            if (windows.Hour.IsEmpty)
            {
                _conversations.Remove(id);
            }
        }

        _sweepAt = Math.Max(1024, _conversations.Count * 2);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
