namespace GcmBot.Teams;

/// <summary>
/// Runs work in order within a lane (a conversation, or a person in one) while different lanes run side by
/// side, up to a limit: a slow or rate-limited lane does not hold up the others. An item stays at the head
/// of its lane until its work is done.
/// </summary>
internal sealed class Lanes<T> : IDisposable
{
    private readonly Dictionary<string, Queue<T>> _lanes = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _slots;
    private readonly Func<T, CancellationToken, Task> _work;
    private readonly Action<T, string, Exception> _failed;

    /// <param name="failed">Told about an item whose work threw; the lane then moves on.</param>
    public Lanes(int maxConcurrentLanes, Func<T, CancellationToken, Task> work, Action<T, string, Exception> failed)
    {
        _slots = new SemaphoreSlim(maxConcurrentLanes);
        _work = work;
        _failed = failed;
    }

    /// <summary>Queues an item behind its lane's; an idle lane starts as soon as a slot is free.</summary>
    public async Task AddAsync(string lane, T item, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_lanes.TryGetValue(lane, out var waiting))
            {
                waiting.Enqueue(item);
                return;
            }

            _lanes[lane] = new Queue<T>([item]);
        }

        await _slots.WaitAsync(cancellationToken);
        _ = DrainAsync(lane, cancellationToken);
    }

    public void Dispose() => _slots.Dispose();

    private async Task DrainAsync(string lane, CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            while (true)
            {
                T next;
                lock (_gate)
                {
                    var waiting = _lanes[lane];
                    if (waiting.Count == 0)
                    {
                        _lanes.Remove(lane);
                        return;
                    }

                    next = waiting.Peek();
                }

                try
                {
                    await _work(next, cancellationToken);
                }
                catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    _failed(next, lane, failure);
                }

                lock (_gate)
                {
                    _lanes[lane].Dequeue();
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            _slots.Release();
        }
    }
}
