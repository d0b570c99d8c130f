using System.Threading.Channels;

namespace GcmBot.Teams.Outbound;

/// <summary>
/// Everything GcmBot sends to Teams waits here for the connector (paced and retried by
/// <see cref="ConnectorSender"/>). Unbounded: a broadcast to many channels is queued, never dropped.
/// </summary>
internal sealed class OutboundQueue
{
    private readonly Channel<OutboundMessage> _channel = Channel.CreateUnbounded<OutboundMessage>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<OutboundMessage> Reader => _channel.Reader;

    public void Enqueue(OutboundMessage message)
    {
        // Only fails after Complete(), which nothing calls: the queue lives as long as the host.
        if (!_channel.Writer.TryWrite(message))
        {
            throw new InvalidOperationException("The Teams outbound queue is closed.");
        }
    }
}
