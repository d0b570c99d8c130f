using GcmBot.Core.Data;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GcmBot.Core.Telemetry;

/// <summary>
/// Samples the length of every open session's speakers list for the metrics gauge. A gauge callback
/// must not query the database, so the figures are read here on a timer and the callback reads them.
/// </summary>
internal sealed class QueueSampler : BackgroundService
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

    // First sample after one interval: at start-up the database may still be migrating.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        RetryingLoop.RunAsync("Sampling the speakers lists for metrics", _interval, _interval, _time, _logger,
            async ct => _metrics.SetWaiting(await _store.ReadAsync(WaitingAsync, ct)), stoppingToken);

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
}
