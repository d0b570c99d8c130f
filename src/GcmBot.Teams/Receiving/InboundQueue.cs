using System.Collections.Concurrent;
using System.Threading.Channels;

namespace GcmBot.Teams.Receiving;

/// <summary>
/// Activities accepted by <c>/api/messages</c>, waiting for <see cref="InboundWorker"/>. A redelivered
/// activity (same conversation and id) that is still remembered is not queued twice; the core also records
/// each command's activity id, so a redelivery after a restart runs once too.
/// </summary>
internal sealed class InboundQueue
{
    public const int Capacity = 10_000;
    private const int Remembered = 20_000;

    private readonly Channel<QueuedActivity> _channel = Channel.CreateBounded<QueuedActivity>(new BoundedChannelOptions(Capacity) { SingleReader = true });
    private readonly ConcurrentDictionary<string, byte> _seen = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    public ChannelReader<QueuedActivity> Reader => _channel.Reader;

    /// <returns>False when the queue is full (the caller answers 503 and the channel retries later).</returns>
    public bool TryEnqueue(QueuedActivity item)
    {
        var activity = item.Activity;
        var key = activity.Id is { Length: > 0 } id ? $"{activity.Conversation?.Id}|{activity.Type}|{id}" : null;
        if (key is not null && !_seen.TryAdd(key, 0))
        {
            return true;
        }

        if (!_channel.Writer.TryWrite(item))
        {
            if (key is not null)
            {
                _seen.TryRemove(key, out _);
            }

            return false;
        }

        if (key is not null)
        {
            _order.Enqueue(key);
            while (_order.Count > Remembered && _order.TryDequeue(out var old))
            {
                _seen.TryRemove(old, out _);
            }
        }

        return true;
    }
}
