using System.Collections.Concurrent;
using System.Diagnostics;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;

namespace GcmBot.Benchmarks;

/// <summary>
/// The comparison: a bare Hangfire server, default options unless told otherwise, scheduling the same due-time
/// plan with <c>BackgroundJob.Schedule(() =&gt; Record(id), dueAt)</c>; lateness is execution start − due time.
/// </summary>
internal static class HangfireTimerRun
{
    // A benchmark on the real clock: how often it checks whether every job has run (not part of what is measured).
    private static readonly TimeSpan CompletionPoll = TimeSpan.FromMilliseconds(250);

    /// <summary>On a fresh InMemoryStorage, or PostgreSqlStorage (default options) on the given database.</summary>
    public static async Task<TimerResult> RunAsync(string label, TimerOptions options, string? postgres, TimeSpan? schedulePollingInterval = null)
    {
        var storage = postgres is null ? (JobStorage)new InMemoryStorage() : Postgres(postgres);
        try
        {
            return await RunAsync(label, options, storage, schedulePollingInterval);
        }
        finally
        {
            (storage as IDisposable)?.Dispose();
        }
    }

    private static async Task<TimerResult> RunAsync(string label, TimerOptions options, JobStorage storage, TimeSpan? schedulePollingInterval)
    {
        var window = TimeSpan.FromSeconds(options.Seconds);
        var offsets = TimerPlan.DueOffsets(options.Count, window);
        var run = HangfireProbe.Begin();
        var serverOptions = new BackgroundJobServerOptions { ServerName = $"bench-{run}" };
        if (schedulePollingInterval is { } interval)
        {
            serverOptions.SchedulePollingInterval = interval;
        }

        var due = new Dictionary<int, DateTimeOffset>(options.Count);
        using (var server = new BackgroundJobServer(serverOptions, storage))
        {
            var client = new BackgroundJobClient(storage);
            var start = TimeProvider.System.GetUtcNow();
            for (var id = 0; id < offsets.Count; id++)
            {
                due[id] = start + offsets[id];
                var job = id;
                client.Schedule(() => HangfireProbe.Record(run, job), due[id]);
            }

            // Bounded: the last due time plus two default polling intervals (schedule, then queue).
            var giveUp = Stopwatch.GetTimestamp() + (long)((offsets[^1] + TimeSpan.FromSeconds(35)).TotalSeconds * Stopwatch.Frequency);
            while (HangfireProbe.Count(run) < offsets.Count && Stopwatch.GetTimestamp() < giveUp)
            {
                await Task.Delay(CompletionPoll);
            }

            server.SendStop();
        }

        var started = HangfireProbe.End(run);
        return new TimerResult(label)
        {
            Expected = options.Count,
            Notices = offsets.Count,
            Lateness = [.. started.Select(s => (s.Value - due[s.Key]).TotalMilliseconds).Order()],
            Pending = offsets.Count - started.Count,
        };
    }

    private static PostgreSqlStorage Postgres(string connectionString)
    {
        var storageOptions = new PostgreSqlStorageOptions();
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, storageOptions), storageOptions);
    }
}

/// <summary>The job: notes when it started. Public, as Hangfire only invokes public methods.</summary>
public static class HangfireProbe
{
    private static readonly ConcurrentDictionary<int, ConcurrentDictionary<int, DateTimeOffset>> _runs = new();
    private static int _last;

    public static void Record(int run, int id)
    {
        var at = TimeProvider.System.GetUtcNow();
        if (_runs.TryGetValue(run, out var started))
        {
            started.TryAdd(id, at);
        }
    }

    internal static int Begin()
    {
        var run = Interlocked.Increment(ref _last);
        _runs[run] = new ConcurrentDictionary<int, DateTimeOffset>();
        return run;
    }

    internal static int Count(int run) => _runs[run].Count;

    internal static IReadOnlyDictionary<int, DateTimeOffset> End(int run) => _runs.TryRemove(run, out var started) ? started : new Dictionary<int, DateTimeOffset>();
}
