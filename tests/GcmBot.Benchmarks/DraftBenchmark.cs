using System.Diagnostics;
using System.Globalization;
using GcmBot.Core.Drafting;
using GcmBot.Summaries;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GcmBot.Benchmarks;

/// <summary>
/// <c>-- drafts</c>: times the extractive drafter on synthetic sessions (1,000 contributions + 300 cards;
/// 10,000 contributions), with the bytes allocated and the process's peak working set.
/// </summary>
internal static class DraftBenchmark
{
    private static readonly string[] _subjects = ["States", "The compact", "Governments", "Countries of origin and destination", "Local authorities"];
    private static readonly string[] _verbs = ["should expand", "must protect", "should guarantee", "need to improve", "should reduce", "must end", "should invest in"];
    private static readonly string[] _objects =
    [
        "regular pathways for migrant workers", "the rights of migrant children", "access to health care for all migrants", "the cost of remittances",
        "migration data and statistics", "recruitment fees charged to workers", "the detention of migrant children", "portable social security benefits",
        "the recognition of skills and qualifications", "protection of migrant domestic workers", "consular assistance abroad", "integration in local communities",
    ];

    private static readonly string[] _tails =
    [
        "through bilateral labour agreements", "with support from IOM and the ILO", "as a national priority", "with funding for capacity building",
        "in cooperation with civil society", "with the private sector and trade unions", "through regional consultative processes", "",
    ];

    public static async Task<int> RunAsync()
    {
        await using var services = new ServiceCollection().AddLogging().AddGcmSummaries(new ConfigurationBuilder().Build()).BuildServiceProvider();
        var drafter = services.GetRequiredService<IReportDrafter>();
        await drafter.DraftAsync(Session(200, 50, seed: 1), CancellationToken.None); // warm-up: JIT and Lucene's first use
        var rows = new List<string>();
        var failed = false;
        foreach (var (contributions, cards, target) in new[] { (1_000, 300, TimeSpan.FromSeconds(1)), (10_000, 0, TimeSpan.FromSeconds(5)) })
        {
            var input = Session(contributions, cards, seed: 42);
            GC.Collect();
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            var outcome = await drafter.DraftAsync(input, CancellationToken.None);
            clock.Stop();
            var bytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            using var process = Process.GetCurrentProcess();
            failed |= clock.Elapsed > target;
            rows.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {contributions:N0} contributions + {cards} cards | {clock.Elapsed.TotalMilliseconds:N0} ms | < {target.TotalSeconds:N0} s | {bytes / 1048576.0:N0} MiB | {process.PeakWorkingSet64 / 1048576.0:N0} MiB | {outcome.Report.Recommendations.Count} / {outcome.Report.Summary.Count} |"));
        }

        var report = "| input | time | target | allocated | peak working set | recommendations / summary sentences |\n| --- | ---: | ---: | ---: | ---: | ---: |\n" + string.Join('\n', rows);
        Console.WriteLine(report);
        var path = Path.Combine("BenchmarkDotNet.Artifacts", "results", "drafts.md");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, report);
        return failed ? 1 : 0;
    }

    /// <summary>A deterministic synthetic session: statements of one to four sentences from 150 delegations, and cards.</summary>
    private static DraftInput Session(int contributions, int cards, int seed)
    {
        var random = new Random(seed);
        string Pick(string[] from) => from[random.Next(from.Length)];
        string Sentence() => $"{Pick(_subjects)} {Pick(_verbs)} {Pick(_objects)} {Pick(_tails)}".TrimEnd() + ".";
        var at = new DateTimeOffset(2017, 12, 5, 16, 45, 0, TimeSpan.Zero);
        var said = Enumerable.Range(1, contributions).Select(i => new SourceContribution(
            $"msg-{i}", $"Speaker {i}", $"Delegation {random.Next(150)}",
            string.Join(' ', Enumerable.Range(0, 1 + random.Next(4)).Select(_ => Sentence())), at.AddSeconds(i))).ToList();
        var written = Enumerable.Range(1, cards).Select(i => new SourceCard(
            $"card-{i}", $"Delegation {random.Next(150)}", $"{Pick(_verbs)[(Pick(_verbs).IndexOf(' ', StringComparison.Ordinal) + 1)..]} {Pick(_objects)}".Trim(), Pick(_tails), Pick(["IOM", "ILO", "civil society", "employers", ""]))).ToList();
        return new DraftInput(new ReportHeader("Action Group 1: Human dimension", "5 December 2017, 10:45–13:00", "Room A", "Moderator", "Rapporteur"), said, written, []);
    }
}
