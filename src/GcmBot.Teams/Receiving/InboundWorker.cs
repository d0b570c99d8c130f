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
    private readonly Lanes<QueuedActivity> _lanes;

    public InboundWorker(InboundQueue queue, ActivityProcessor processor, ILogger<InboundWorker> logger)
    {
        _queue = queue;
        _lanes = new Lanes<QueuedActivity>(
            MaxConcurrentLanes,
            processor.ProcessAsync,
            (item, _, failure) => LogFailed(logger, failure, item.Activity.Type ?? "", item.Activity.Id ?? ""));
    }

    public override void Dispose()
    {
        _lanes.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var item in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            await _lanes.AddAsync($"{TeamsConversation.Key(item.Activity.Conversation!.Id!)}|{item.Activity.From?.Id}", item, stoppingToken);
        }
    }

    [LoggerMessage(EventId = 7003, Level = LogLevel.Error, Message = "Processing Teams activity {Type} {ActivityId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string type, string activityId);
}
