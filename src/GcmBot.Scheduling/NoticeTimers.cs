using System.Collections.Concurrent;
using GcmBot.Core.Delivery;
using GcmBot.Core.Domain;
using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GcmBot.Scheduling;

/// <summary>
/// The precision path: one in-process timer per pending notice on the injected clock, firing at its due
/// instant. Hangfire's scheduled jobs (polled) are the durable backstop, not the precision path.
/// </summary>
public sealed partial class NoticeTimers : INoticeScheduler, IDisposable
{
    private const int ConcurrentClaims = 8;

    private readonly ConcurrentDictionary<long, ITimer> _timers = new();

    // A burst of simultaneous deadlines would otherwise open a database connection per claim at once;
    // a few at a time keep the pool warm and each claim at database speed.
    private readonly SemaphoreSlim _claims = new(ConcurrentClaims, ConcurrentClaims);
    private readonly NoticeService _notices;
    private readonly IBackgroundJobClient _jobs;
    private readonly TimeProvider _time;
    private readonly SchedulingOptions _options;
    private readonly ILogger<NoticeTimers> _logger;

    public NoticeTimers(NoticeService notices, IBackgroundJobClient jobs, TimeProvider time, IOptions<SchedulingOptions> options, ILogger<NoticeTimers> logger)
    {
        _notices = notices;
        _jobs = jobs;
        _time = time;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Notices this instance just created: armed here, and backed by a Hangfire job any instance can run.</summary>
    public void Arm(IReadOnlyCollection<Notice> notices)
    {
        foreach (var notice in notices)
        {
            ArmLocal(notice.Id, notice.DueAt);
        }

        // Off the request path (a job costs milliseconds on PostgreSQL); until it is stored, the sweeps cover the notice.
        var backstops = notices.Select(n => (n.Id, Delay: n.DueAt - _time.GetUtcNow() + _options.BackstopDelay)).ToList();
        _ = Task.Run(() => ScheduleBackstops(backstops));
    }

    private void ScheduleBackstops(List<(long Id, TimeSpan Delay)> backstops)
    {
        foreach (var (id, delay) in backstops)
        {
            try
            {
                // A delay, not an absolute time: Hangfire reads the system clock, the bot reads the injected one.
                _jobs.Schedule<NoticeJob>(job => job.FireAsync(id, CancellationToken.None), delay > TimeSpan.Zero ? delay : TimeSpan.Zero);
            }
            catch (Exception failure)
            {
                LogBackstopFailed(_logger, failure, id);
            }
        }
    }

    public int Armed => _timers.Count;

    public void ArmLocal(long noticeId, DateTimeOffset dueAt)
    {
        var wait = dueAt - _time.GetUtcNow();
        if (wait > _options.ArmingHorizon)
        {
            // Stored and pending: the sweep that comes within the horizon arms it (a timer's limit is about 49 days).
            return;
        }

        // Registered before it is started: a notice already due fires at once, and its callback must find it.
        var timer = _time.CreateTimer(Fire, noticeId, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        if (!_timers.TryAdd(noticeId, timer))
        {
            // Already armed (a sweep saw it again): keep the existing timer.
            timer.Dispose();
            return;
        }

        timer.Change(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    private void Fire(object? state) => _ = FireAsync((long)state!);

    private async Task FireAsync(long noticeId)
    {
        if (_timers.TryRemove(noticeId, out var timer))
        {
            await timer.DisposeAsync();
        }

        await _claims.WaitAsync();
        try
        {
            var (outcome, dueAt) = await _notices.FireAsync(noticeId, CancellationToken.None);
            if (outcome == FireOutcome.Early)
            {
                ArmLocal(noticeId, dueAt);
            }
        }
        catch (Exception failure)
        {
            // Left pending: the next sweep or the Hangfire backstop tries again.
            LogFireFailed(_logger, failure, noticeId);
        }
        finally
        {
            _claims.Release();
        }
    }

    public void Dispose()
    {
        foreach (var timer in _timers.Values)
        {
            timer.Dispose();
        }

        _timers.Clear();
        _claims.Dispose();
    }

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Scheduling the Hangfire backstop of notice {NoticeId} failed; the sweeps still cover it")]
    private static partial void LogBackstopFailed(ILogger logger, Exception exception, long noticeId);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Firing notice {NoticeId} failed; it stays pending")]
    private static partial void LogFireFailed(ILogger logger, Exception exception, long noticeId);
}
