using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GcmBot.Teams.Outbound;

/// <summary>
/// Drains the outbound queue: one lane per conversation keeps its messages in order, while a slow or
/// rate-limited conversation does not hold up the others. A message stays in its lane until it is sent
/// or its retries are exhausted (then the failure is logged by <see cref="ConnectorClient"/>).
/// </summary>
internal sealed partial class ConnectorSender : BackgroundService
{
    private readonly OutboundQueue _queue;
    private readonly Lanes<OutboundMessage> _lanes;

    public ConnectorSender(OutboundQueue queue, ConnectorClient connector, ILogger<ConnectorSender> logger)
    {
        _queue = queue;

        // No limit on lanes: ConnectorClient paces the sends to Teams' limits.
        _lanes = new Lanes<OutboundMessage>(int.MaxValue, connector.SendAsync, (_, lane, failure) => LogUnexpected(logger, failure, lane));
    }

    public override void Dispose()
    {
        _lanes.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var message in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            await _lanes.AddAsync(message.Lane, message, stoppingToken);
        }
    }

    [LoggerMessage(EventId = 7201, Level = LogLevel.Error, Message = "Sending to Teams conversation {Lane} failed unexpectedly; the message was not delivered")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string lane);
}
