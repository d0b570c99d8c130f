using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GcmBot.Teams.Receiving;

/// <summary>Works through accepted activities after <c>/api/messages</c> has answered.</summary>
internal sealed partial class InboundWorker : BackgroundService
{
    private readonly InboundQueue _queue;
    private readonly ActivityProcessor _processor;
    private readonly ILogger<InboundWorker> _logger;

    public InboundWorker(InboundQueue queue, ActivityProcessor processor, ILogger<InboundWorker> logger)
    {
        _queue = queue;
        _processor = processor;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var item in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await _processor.ProcessAsync(item, stoppingToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogFailed(_logger, failure, item.Activity.Type ?? "", item.Activity.Id ?? "");
            }
        }
    }

    [LoggerMessage(EventId = 7003, Level = LogLevel.Error, Message = "Processing Teams activity {Type} {ActivityId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string type, string activityId);
}
