namespace GcmBot.Discord.Rest;

/// <summary>What the last response said about a rate-limit bucket.</summary>
internal sealed class RestBucket
{
    private readonly Lock _lock = new();
    private int? _remaining;
    private DateTimeOffset _resetAt;

    /// <summary>How long to wait before the next request may go, given what the server said.</summary>
    public TimeSpan WaitFor(DateTimeOffset now)
    {
        lock (_lock)
        {
            return _remaining is 0 && _resetAt > now ? _resetAt - now : TimeSpan.Zero;
        }
    }

    public void Update(int remaining, DateTimeOffset resetAt)
    {
        lock (_lock)
        {
            _remaining = remaining;
            _resetAt = resetAt;
        }
    }

    /// <summary>A request is about to go: count it, so that concurrent callers don't all take the last slot.</summary>
    public void Take()
    {
        lock (_lock)
        {
            if (_remaining > 0)
            {
                _remaining--;
            }
        }
    }
}
