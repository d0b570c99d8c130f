using System.Diagnostics;
using System.Globalization;
using System.Text;
using GcmBot.Core.Domain;
using GcmBot.Core.Handling;

namespace GcmBot.Benchmarks;

/// <summary>
/// The web mode's command mix sent one at a time straight to <see cref="CommandService"/>, without HTTP:
/// the processor time each command costs the core and storage, background work (display pushes) included.
/// </summary>
internal static class CoreBenchmark
{
    public static async Task<int> RunAsync(LoadOptions options)
    {
        await using var host = BenchHost.Start(options.Port);
        var clients = await host.PrepareAsync(options.Identities);
        var commands = host.CommandService;
        var random = new Random(20171205);
        var plan = Enumerable.Range(0, options.Rate * options.Seconds).Select(_ => OpenLoopLoad.Pick(random, clients)).ToList();
        var warmup = plan.Count / 4;
        var perCommand = new Dictionary<string, (int Count, TimeSpan Elapsed, long Allocated)>();
        using var process = Process.GetCurrentProcess();
        var cpuBefore = TimeSpan.Zero;
        var measured = Stopwatch.StartNew();
        for (var i = 0; i < plan.Count; i++)
        {
            if (i == warmup)
            {
                process.Refresh();
                cpuBefore = process.TotalProcessorTime;
                measured.Restart();
                perCommand.Clear();
            }

            var (text, token) = plan[i];
            var started = Stopwatch.GetTimestamp();
            var allocatedBefore = GC.GetTotalAllocatedBytes();
            _ = await commands.HandleAsync(new Inbound("web", BenchHost.Conversation, TokenHash.Of(token), "") { Text = text }, CancellationToken.None);
            var (count, elapsed, allocated) = perCommand.GetValueOrDefault(text);
            perCommand[text] = (count + 1, elapsed + Stopwatch.GetElapsedTime(started), allocated + GC.GetTotalAllocatedBytes() - allocatedBefore);
        }

        measured.Stop();
        process.Refresh();
        var total = plan.Count - warmup;
        var report = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        report.AppendLine(culture, $"## Core commands, one at a time, no HTTP: {total} after {warmup} warm-up, SQLite");
        report.AppendLine();
        report.AppendLine(culture, $"CPU {(process.TotalProcessorTime - cpuBefore).TotalMilliseconds / total:0.000} ms per command; wall {measured.Elapsed.TotalMilliseconds / total:0.000} ms per command.");
        report.AppendLine();
        report.AppendLine("| Command | Count | mean wall ms | allocated KB |");
        report.AppendLine("|---|---:|---:|---:|");
        foreach (var (text, (count, elapsed, allocated)) in perCommand.OrderByDescending(p => p.Value.Count))
        {
            report.AppendLine(culture, $"| {text} | {count} | {elapsed.TotalMilliseconds / count:0.000} | {allocated / 1024.0 / count:0.0} |");
        }

        Console.WriteLine(report);
        return 0;
    }
}
