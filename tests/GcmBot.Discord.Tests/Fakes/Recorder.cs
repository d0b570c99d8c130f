namespace GcmBot.Discord.Tests.Fakes;

/// <summary>Things that happened, in order, and a way to wait for them (no sleeping).</summary>
public sealed class Recorder<T>
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private readonly List<T> _items = [];
    private readonly List<(Func<T, bool> Match, int Count, TaskCompletionSource<IReadOnlyList<T>> Done)> _waiters = [];

    public IReadOnlyList<T> Items
    {
        get
        {
            lock (_items)
            {
                return [.. _items];
            }
        }
    }

    public void Add(T item)
    {
        lock (_items)
        {
            _items.Add(item);
            foreach (var waiter in _waiters.ToList())
            {
                var matches = _items.Where(waiter.Match).ToList();
                if (matches.Count >= waiter.Count)
                {
                    _waiters.Remove(waiter);
                    waiter.Done.TrySetResult(matches);
                }
            }
        }
    }

    /// <summary>Waits until <paramref name="count"/> recorded items match; returns all that match.</summary>
    public async Task<IReadOnlyList<T>> WaitAsync(Func<T, bool> match, int count = 1, string? what = null)
    {
        TaskCompletionSource<IReadOnlyList<T>> done;
        lock (_items)
        {
            var matches = _items.Where(match).ToList();
            if (matches.Count >= count)
            {
                return matches;
            }

            done = new TaskCompletionSource<IReadOnlyList<T>>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, count, done));
        }

        try
        {
            return await done.Task.WaitAsync(Timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Waited {Timeout.TotalSeconds} s for {what ?? "an event"} ({count}); recorded: {string.Join(" | ", Items.Select(i => i?.ToString()))}");
        }
    }

    public async Task<T> WaitOneAsync(Func<T, bool> match, string? what = null) => (await WaitAsync(match, 1, what))[0];
}
