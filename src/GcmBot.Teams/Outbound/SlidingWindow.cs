namespace GcmBot.Teams.Outbound;

/// <summary>At most <c>limit</c> operations in any <c>window</c>: remembers when the recent ones happened.</summary>
internal sealed class SlidingWindow
{
    private readonly int _limit;
    private readonly TimeSpan _window;
    private readonly Queue<DateTimeOffset> _recent = new();

    public SlidingWindow(int limit, TimeSpan window)
    {
        _limit = Math.Max(1, limit);
        _window = window;
    }

    public bool IsEmpty => _recent.Count == 0;

    /// <summary>The earliest instant from which one more operation fits.</summary>
    public DateTimeOffset NextSlot(DateTimeOffset now)
    {
        while (_recent.Count > 0 && _recent.Peek() <= now - _window)
        {
            _recent.Dequeue();
        }

        return _recent.Count < _limit ? now : _recent.ElementAt(_recent.Count - _limit) + _window;
    }

    public void Record(DateTimeOffset now) => _recent.Enqueue(now);
}
