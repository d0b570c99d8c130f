using GcmBot.Core.Data;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GcmBot.Core.Telemetry;

/// <summary>
/// Samples the length of every open session's speakers list for the metrics gauge. A gauge callback
/// must not query the database, so the figures are read here on a timer and the callback reads them.
/// </summary>
internal sealed partial class QueueSampler : BackgroundService
{
    private static readonly TimeSpan _interval = TimeSpan.FromSeconds(10);

    private readonly IMeetingStore _store;
    private readonly GcmMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger<QueueSampler> _logger;

    public QueueSampler(IMeetingStore store, GcmMetrics metrics, TimeProvider time, ILogger<QueueSampler> logger)
    {
        _store = store;
        _metrics = metrics;
        _time = time;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // First sample after one interval: at start-up the database may still be migrating.
        using var timer = new PeriodicTimer(_interval, _time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                _metrics.SetWaiting(await _store.ReadAsync(WaitingAsync, stoppingToken));
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                LogSampleFailed(_logger, failure);
            }
        }
    }

    private static async Task<Dictionary<string, int>> WaitingAsync(IMeetingData data, CancellationToken ct)
    {
        var waiting = new Dictionary<string, int>(StringComparer.Ordinal);
        if (await data.GetMeetingAsync(ct) is not { } meeting)
        {
            return waiting;
        }

        foreach (var session in (await data.GetSessionsAsync(meeting.Id, ct)).Where(s => s.IsOpen))
        {
            waiting[session.Code] = (await data.GetWaitingAsync(session.Id, ct)).Count;
        }

        return waiting;
    }

    [LoggerMessage(EventId = 1401, Level = LogLevel.Warning, Message = "Could not sample the speakers lists for metrics")]
    private static partial void LogSampleFailed(ILogger logger, Exception exception);
}
