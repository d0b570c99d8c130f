using System.Globalization;
using System.Text;

namespace GcmBot.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/GcmBot.Benchmarks -- timers [--count 1000] [--seconds 45] [--postgres "&lt;npgsql conn string&gt;"]</c>:
/// timer lateness of GcmBot (in-process timers, Hangfire backstop) on SQLite + Hangfire.InMemory and on
/// PostgreSQL, against a bare Hangfire server's scheduled jobs, with the same due-time plan, in one run.
/// Everything is bounded: about 4–5 minutes with PostgreSQL.
/// </summary>
internal static class TimerBenchmark
{
    public static async Task<int> RunAsync(TimerOptions options)
    {
        var loadBefore = LoadAverage();
        // The bare Hangfire rows first, side by side (their lateness is their polling), while Hangfire's static
        // configuration is still its default: the bot's host later sets its log provider, activator and serializer.
        var hangfire = new List<Task<TimerResult>>
        {
            GuardAsync("Hangfire default (15 s polling), InMemory", label => HangfireTimerRun.RunAsync(label, options, null)),
        };
        if (options.Postgres is { } hangfireServer)
        {
            hangfire.Add(GuardAsync("Hangfire default (15 s polling), PostgreSQL", async label =>
            {
                await using var database = await PostgresDatabase.CreateAsync(hangfireServer, "hangfire");
                return await HangfireTimerRun.RunAsync(label, options, database.ConnectionString);
            }));
        }

        hangfire.Add(GuardAsync("Hangfire, 1 s schedule polling, InMemory", label => HangfireTimerRun.RunAsync(label, options, null, TimeSpan.FromSeconds(1))));
        var comparison = await Task.WhenAll(hangfire);

        var results = new List<TimerResult>
        {
            await GuardAsync("GcmBot SQLite + Hangfire.InMemory", label => BotTimerRun.RunAsync(label, options, null)),
        };
        if (options.Postgres is { } server)
        {
            results.Add(await GuardAsync("GcmBot PostgreSQL + Hangfire.PostgreSql", async label =>
            {
                await using var database = await PostgresDatabase.CreateAsync(server, "bot");
                return await BotTimerRun.RunAsync(label, options, database.ConnectionString);
            }));
        }

        results.AddRange(comparison);
        var report = Markdown(options, results, loadBefore, LoadAverage());
        Console.WriteLine(report);
        var path = Path.Combine("BenchmarkDotNet.Artifacts", "results", "timer-lateness.md");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, report);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Written to {Path.GetFullPath(path)}"));
        return results.Any(r => r.Failure is not null || (r.Label.StartsWith("GcmBot", StringComparison.Ordinal) && (r.Pending > 0 || r.Cancelled > 0))) ? 1 : 0;
    }

    private static async Task<TimerResult> GuardAsync(string label, Func<string, Task<TimerResult>> run)
    {
        try
        {
            return await run(label);
        }
        catch (Exception failure)
        {
            await Console.Error.WriteLineAsync($"{label} failed: {failure}");
            return new TimerResult(label) { Failure = failure.GetType().Name + ": " + failure.Message };
        }
    }

    private static string Markdown(TimerOptions options, IReadOnlyList<TimerResult> results, string loadBefore, string loadAfter)
    {
        var culture = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(culture, $"## Timer lateness: {options.Count} timers due over {options.Seconds} s (about 40% in bursts of 6–60 identical deadlines), 6 sessions, {Environment.ProcessorCount} cores");
        text.AppendLine();
        text.AppendLine(culture, $"Load average (1, 5, 15 min): {loadBefore} before, {loadAfter} after. Target: p99 ≤ 250 ms.");
        text.AppendLine();
        text.AppendLine("| Row | timers fired / created | p50 ms | p90 ms | p99 ms | max ms | not fired | ≥ 2 s late | fired by timer / by backstop |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var result in results)
        {
            if (result.Failure is { } failure)
            {
                text.AppendLine(culture, $"| {result.Label} | failed: {failure.ReplaceLineEndings(" ").Replace('|', '/')} | | | | | | | |");
                continue;
            }

            var l = result.Lateness;
            text.AppendLine(culture,
                $"| {result.Label} | {l.Length} / {result.Notices} | {Ms(TimerResult.Percentile(l, 0.50))} | {Ms(TimerResult.Percentile(l, 0.90))} | {Ms(TimerResult.Percentile(l, 0.99))} | {Ms(l.Length == 0 ? double.NaN : l[^1])} | {result.Pending + result.Cancelled} | {(result.AtOrAfterBackstop is { } late ? late.ToString(culture) : "–")} | {(result.AtOrAfterBackstop is null ? "–" : $"{result.ByTimer} / {result.ByBackstop}")} |");
        }

        text.AppendLine();
        text.AppendLine("GcmBot rows: lateness = `Notice.FiredAt − Notice.DueAt` read from the database (the claim, inside the store's serialised transaction); who won each claim from NoticeService's log line, tagged inside Hangfire's backstop job by a global filter.");
        text.AppendLine("Timers created over HTTP (`/speak`, `/allowance <delegation> <3–25>s`, `/next` in six bound web conversations, rounds of six at once; a warning 2 s before the end and an expiry each),");
        text.AppendLine("the rest stored through `IMeetingStore` and armed with the app's `INoticeScheduler` (in-process timer + Hangfire backstop job), as a command's notices are.");
        text.AppendLine("Hangfire rows: a bare `BackgroundJobServer` with `BackgroundJob.Schedule(() => Record(id), dueAt)` on the same due-time plan; lateness = execution start − due time; the three ran side by side, before the GcmBot rows.");
        text.AppendLine();
        text.AppendLine("| GcmBot detail | HTTP timers fired / created | p50 ms | p99 ms | max ms | delivered to web adapter: n, p50, p99, max ms | ≤ 6 others due within 100 ms: n, p50, p99, max ms | more (bursts): n, p50, p99, max ms | HTTP refusals | cancelled | bulk store+arm s |");
        text.AppendLine("|---|---:|---:|---:|---:|---|---|---|---:|---:|---:|");
        var bots = results.Where(r => r.Failure is null && r.Label.StartsWith("GcmBot", StringComparison.Ordinal)).ToList();
        foreach (var result in bots)
        {
            var h = result.OverHttpLateness;
            var d = result.Delivered;
            text.AppendLine(culture,
                $"| {result.Label} | {h.Length} / {result.OverHttp} | {Ms(TimerResult.Percentile(h, 0.50))} | {Ms(TimerResult.Percentile(h, 0.99))} | {Ms(h.Length == 0 ? double.NaN : h[^1])} | {Summary(d)} | {Summary(result.Crowded.Few)} | {Summary(result.Crowded.Many)} | {result.HttpRefused} | {result.Cancelled} | {result.ArmSeconds:0.00} |");
        }

        if (bots.Any(r => r.ArmSeconds > TimerOptions.Lead.TotalSeconds))
        {
            text.AppendLine();
            text.AppendLine(culture, $"**Caution:** storing and arming the bulk took longer than the {TimerOptions.Lead.TotalSeconds:0} s before the first bulk deadline, so some bulk lateness is the benchmark's own set-up.");
        }

        return text.ToString();
    }

    private static string Summary(double[] sorted) =>
        $"{sorted.Length.ToString(CultureInfo.InvariantCulture)}, {Ms(TimerResult.Percentile(sorted, 0.50))}, {Ms(TimerResult.Percentile(sorted, 0.99))}, {Ms(sorted.Length == 0 ? double.NaN : sorted[^1])}";

    private static string Ms(double value) => double.IsNaN(value) ? "–" : value.ToString("0.0", CultureInfo.InvariantCulture);

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
