using System.Collections.Concurrent;
using GcmBot.Core.Delivery;
using GcmBot.Core.Domain;
using GcmBot.Core.Replies;

namespace GcmBot.Benchmarks;

/// <summary>The delivery side of the cross-check: when each timer message reached a channel adapter (first binding only).</summary>
internal sealed class DeliveryRecorder
{
    private readonly ConcurrentDictionary<Reply, DateTimeOffset> _sent = new(ReferenceEqualityComparer.Instance);

    public void Record(Reply message)
    {
        if (message.Title is { } title && (title.EndsWith(": time is up", StringComparison.Ordinal) || title.EndsWith(": time warning", StringComparison.Ordinal)))
        {
            _sent.TryAdd(message, TimeProvider.System.GetUtcNow());
        }
    }

    /// <summary>(session code, warning or expiry, sent at), in order of sending.</summary>
    public IReadOnlyList<(string Session, NoticeKind Kind, DateTimeOffset At)> Sent =>
        [.. _sent.Select(Describe).OrderBy(s => s.At)];

    private static (string Session, NoticeKind Kind, DateTimeOffset At) Describe(KeyValuePair<Reply, DateTimeOffset> sent)
    {
        var title = sent.Key.Title!;
        var kind = title.EndsWith("time is up", StringComparison.Ordinal) ? NoticeKind.TimerExpiry : NoticeKind.TimerWarning;
        return (title[..title.IndexOf(':', StringComparison.Ordinal)], kind, sent.Value);
    }

    /// <summary>Wraps a channel adapter: records, then delivers as before.</summary>
    public sealed class Wrapper : IChannelDelivery
    {
        private readonly IChannelDelivery _inner;
        private readonly DeliveryRecorder _recorder;

        public Wrapper(IChannelDelivery inner, DeliveryRecorder recorder)
        {
            _inner = inner;
            _recorder = recorder;
        }

        public string Channel => _inner.Channel;

        public Task SendAsync(ChannelBinding binding, Reply message, CancellationToken cancellationToken)
        {
            _recorder.Record(message);
            return _inner.SendAsync(binding, message, cancellationToken);
        }

        public Task<bool> SendDirectAsync(Participant participant, Reply message, CancellationToken cancellationToken) =>
            _inner.SendDirectAsync(participant, message, cancellationToken);
    }
}
