using System.Collections.Concurrent;
using GcmBot.Core.Delivery;
using GcmBot.Core.Domain;
using GcmBot.Core.Replies;

namespace GcmBot.Scheduling.Tests;

/// <summary>
/// A recording adapter for a test channel kind, on the bot's own <see cref="IChannelDelivery"/> interface
/// (not a fake of an external service): it records what the dispatcher hands it, synchronously, so a
/// test can count deliveries as soon as the call that delivers them returns.
/// </summary>
public sealed class RecordingDelivery : IChannelDelivery
{
    public const string Name = "test";

    private readonly ConcurrentQueue<(ChannelBinding Binding, Reply Message)> _sent = new();

    public string Channel => Name;

    public IReadOnlyList<(ChannelBinding Binding, Reply Message)> Sent => [.. _sent];

    public Task SendAsync(ChannelBinding binding, Reply message, CancellationToken cancellationToken)
    {
        _sent.Enqueue((binding, message));
        return Task.CompletedTask;
    }

    public Task<bool> SendDirectAsync(Participant participant, Reply message, CancellationToken cancellationToken) => Task.FromResult(false);
}
