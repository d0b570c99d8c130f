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
    private readonly ConnectorClient _connector;
    private readonly ILogger<ConnectorSender> _logger;
    private readonly Dictionary<string, Queue<OutboundMessage>> _lanes = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public ConnectorSender(OutboundQueue queue, ConnectorClient connector, ILogger<ConnectorSender> logger)
    {
        _queue = queue;
        _connector = connector;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var message in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            lock (_gate)
            {
                if (_lanes.TryGetValue(message.Lane, out var waiting))
                {
                    waiting.Enqueue(message);
                    continue;
                }

                _lanes[message.Lane] = new Queue<OutboundMessage>([message]);
            }

            _ = DrainAsync(message.Lane, stoppingToken);
        }
    }

    private async Task DrainAsync(string lane, CancellationToken cancellationToken)
    {
        await Task.Yield();
        while (!cancellationToken.IsCancellationRequested)
        {
            OutboundMessage next;
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
                await _connector.SendAsync(next, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception failure)
            {
                LogUnexpected(_logger, failure, lane);
            }

            lock (_gate)
            {
                _lanes[lane].Dequeue();
            }
        }
    }

    [LoggerMessage(EventId = 7201, Level = LogLevel.Error, Message = "Sending to Teams conversation {Lane} failed unexpectedly; the message was not delivered")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string lane);
}
