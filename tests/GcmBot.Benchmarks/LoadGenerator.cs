using System.Globalization;

namespace GcmBot.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/GcmBot.Benchmarks -- [--rate 500] [--seconds 20] [--warmup 30]</c> (web commands),
/// <c>-- drafts</c> (the extractive drafter, see <see cref="DraftBenchmark"/>),
/// <c>-- timers [--count 1000] [--postgres "&lt;npgsql connection string&gt;"]</c> (timer lateness, see <see cref="TimerBenchmark"/>),
/// <c>-- teams [--rate 200] [--seconds 20] [--identities 90]</c> (Bot Framework activities, see <see cref="TeamsBenchmark"/>),
/// or <c>-- room [--rate 500] [--seconds 20] [--pages 100] [--panel every-push] [--postgres "&lt;npgsql connection string&gt;"]</c> (a busy web chat room, see <see cref="RoomBenchmark"/>).
/// </summary>
internal static class LoadGenerator
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["drafts", ..])
        {
            return await DraftBenchmark.RunAsync();
        }

        if (args is ["timers", ..])
        {
            return await TimerBenchmark.RunAsync(TimerOptions.Parse(args[1..]));
        }

        if (args is ["core", ..])
        {
            return await CoreBenchmark.RunAsync(LoadOptions.Parse(args[1..]));
        }

        if (args is ["room", ..])
        {
            return await RoomBenchmark.RunAsync(RoomOptions.Parse(args[1..]));
        }

        if (args is ["teams", ..])
        {
            return await TeamsBenchmark.RunAsync(LoadOptions.Parse(args[1..]));
        }

        var options = LoadOptions.Parse(args);
        await using var host = BenchHost.Start(options.Port);
        var clients = await host.PrepareAsync(options.Identities);
        var load = new OpenLoopLoad(host.Client, clients, options);
        // Warm-up at the same rate, not reported: JIT tiering and connection set-up are not the steady state.
        _ = await load.RunAsync(options.WarmupSeconds);
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        using var server = new ServerSide();
        var samples = await load.RunAsync();
        process.Refresh();
        var report = Report.Markdown(options, samples, load.Elapsed, process.TotalProcessorTime - cpuBefore, server);
        Console.WriteLine(report);
        var path = Path.Combine("BenchmarkDotNet.Artifacts", "results", "web-commands.md");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, report);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Written to {Path.GetFullPath(path)}"));
        return samples.Any(s => s.HttpError) ? 1 : 0;
    }
}
