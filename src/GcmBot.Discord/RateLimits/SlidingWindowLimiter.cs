namespace GcmBot.Discord.RateLimits;

/// <summary>At most <c>permits</c> acquisitions in any <c>window</c>; callers wait (on the injected clock) for a free slot.</summary>
internal sealed class SlidingWindowLimiter : IDisposable
{
    private readonly int _permits;
    private readonly TimeSpan _window;
    private readonly TimeProvider _time;
    private readonly Queue<DateTimeOffset> _recent = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DateTimeOffset _blockedUntil = DateTimeOffset.MinValue;

    public SlidingWindowLimiter(int permits, TimeSpan window, TimeProvider time)
    {
        _permits = permits;
        _window = window;
        _time = time;
    }

    /// <summary>Nobody acquires before <paramref name="until"/> (a global 429 from the server).</summary>
    public void BlockUntil(DateTimeOffset until)
    {
        lock (_recent)
        {
            if (until > _blockedUntil)
            {
                _blockedUntil = until;
            }
        }
    }

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                var wait = TryAcquire(_time.GetUtcNow());
                if (wait <= TimeSpan.Zero)
                {
                    return;
                }

                await Task.Delay(wait, _time, cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <returns>Zero when acquired, else how long to wait before trying again.</returns>
    private TimeSpan TryAcquire(DateTimeOffset now)
    {
        lock (_recent)
        {
            if (_blockedUntil > now)
            {
                return _blockedUntil - now;
            }

            while (_recent.Count > 0 && now - _recent.Peek() >= _window)
            {
                _recent.Dequeue();
            }

            if (_recent.Count < _permits)
            {
                _recent.Enqueue(now);
                return TimeSpan.Zero;
            }

            return _recent.Peek() + _window - now;
        }
    }

    public void Dispose() => _gate.Dispose();
}
