using GcmBot.Core.Data;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GcmBot.Scheduling;

/// <summary>
/// Arms timers for notices due within the next two sweep intervals: at start-up (re-arming what a
/// restart interrupted) and then periodically (notices created by other instances).
/// </summary>
internal sealed class NoticeSweeper : BackgroundService
{
    private readonly IMeetingStore _store;
    private readonly NoticeTimers _timers;
    private readonly TimeProvider _time;
    private readonly SchedulingOptions _options;
    private readonly ILogger<NoticeSweeper> _logger;

    public NoticeSweeper(IMeetingStore store, NoticeTimers timers, TimeProvider time, IOptions<SchedulingOptions> options, ILogger<NoticeSweeper> logger)
    {
        _logger = logger;
        _store = store;
        _timers = timers;
        _time = time;
        _options = options.Value;
    }

    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var horizon = _time.GetUtcNow() + _options.ArmingHorizon;
        var due = await _store.ReadAsync((data, ct) => data.GetPendingNoticesAsync(horizon, ct), cancellationToken);
        foreach (var notice in due)
        {
            _timers.ArmLocal(notice.Id, notice.DueAt);
        }
    }

    // A notice a failed sweep missed stays pending in the database: the next sweep that works arms it.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        RetryingLoop.RunAsync("Sweeping the pending notices", TimeSpan.Zero, _options.SweepInterval, _time, _logger, SweepAsync, stoppingToken);
}
