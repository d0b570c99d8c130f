using GcmBot.Core.Data;
using Microsoft.Extensions.Hosting;
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

    public NoticeSweeper(IMeetingStore store, NoticeTimers timers, TimeProvider time, IOptions<SchedulingOptions> options)
    {
        _store = store;
        _timers = timers;
        _time = time;
        _options = options.Value;
    }

    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var horizon = _time.GetUtcNow() + (_options.SweepInterval * 2);
        var due = await _store.ReadAsync((data, ct) => data.GetPendingNoticesAsync(horizon, ct), cancellationToken);
        foreach (var notice in due)
        {
            _timers.ArmLocal(notice.Id, notice.DueAt);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var ticks = new PeriodicTimer(_options.SweepInterval, _time);
        do
        {
            await SweepAsync(stoppingToken);
        }
        while (await ticks.WaitForNextTickAsync(stoppingToken));
    }
}
