using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GcmBot.Teams.Receiving;

/// <summary>
/// Works through accepted activities after <c>/api/messages</c> has answered. Each person's activities in
/// one conversation are handled in order (one lane each); different lanes run side by side, up to a limit.
/// </summary>
internal sealed partial class InboundWorker : BackgroundService
{
    private const int MaxConcurrentLanes = 8;

    private readonly InboundQueue _queue;
    private readonly ActivityProcessor _processor;
    private readonly ILogger<InboundWorker> _logger;
    private readonly Dictionary<string, Queue<QueuedActivity>> _lanes = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _slots = new(MaxConcurrentLanes);
    private readonly Lock _gate = new();

    public InboundWorker(InboundQueue queue, ActivityProcessor processor, ILogger<InboundWorker> logger)
    {
        _queue = queue;
        _processor = processor;
        _logger = logger;
    }

    public override void Dispose()
    {
        _slots.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var item in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            var lane = $"{TeamsConversation.Key(item.Activity.Conversation!.Id!)}|{item.Activity.From?.Id}";
            lock (_gate)
            {
                if (_lanes.TryGetValue(lane, out var waiting))
                {
                    waiting.Enqueue(item);
                    continue;
                }

                _lanes[lane] = new Queue<QueuedActivity>([item]);
            }

            await _slots.WaitAsync(stoppingToken);
            _ = DrainAsync(lane, stoppingToken);
        }
    }

    private async Task DrainAsync(string lane, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                QueuedActivity next;
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
                    await _processor.ProcessAsync(next, cancellationToken);
                }
                catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    LogFailed(_logger, failure, next.Activity.Type ?? "", next.Activity.Id ?? "");
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

    [LoggerMessage(EventId = 7003, Level = LogLevel.Error, Message = "Processing Teams activity {Type} {ActivityId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string type, string activityId);
}
