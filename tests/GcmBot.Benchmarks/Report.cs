using System.Globalization;
using System.Text;

namespace GcmBot.Benchmarks;

internal static class Report
{
    /// <param name="cpu">Processor time of this process (host and load generator together) during the run.</param>
    /// <param name="server">What the host measured during the same run.</param>
    public static string Markdown(LoadOptions options, IReadOnlyList<Sample> samples, TimeSpan elapsed, TimeSpan cpu, ServerSide server)
    {
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        text.AppendLine(culture, $"## Web commands, open loop: {options.Rate}/s for {options.Seconds} s, {options.Identities} identities, after {options.WarmupSeconds} s warm-up, SQLite, {Environment.ProcessorCount} cores");
        text.AppendLine();
        text.AppendLine(culture, $"Sent {samples.Count} in {elapsed.TotalSeconds:0.00} s: achieved {samples.Count / elapsed.TotalSeconds:0.0} commands/s. Latency from the scheduled send time.");
        text.AppendLine();
        text.AppendLine(culture, $"CPU, host and load generator together: {cpu.TotalMilliseconds / samples.Count:0.00} ms per command ({cpu.TotalSeconds / elapsed.TotalSeconds:0.00} of {Environment.ProcessorCount} cores busy).");
        text.AppendLine();
        var late = samples.Select(s => s.LateMs).Order().ToArray();
        text.AppendLine(culture, $"Generator lateness (sent after the scheduled time, included in the latencies): p50 {Percentile(late, 0.50):0.00} ms, p99 {Percentile(late, 0.99):0.00} ms.");
        text.AppendLine();
        var handled = server.CommandMs.Order().ToArray();
        if (handled.Length > 0)
        {
            text.AppendLine(culture, $"Inside the host: `CommandService` took p50 {Percentile(handled, 0.50):0.00} ms, p99 {Percentile(handled, 0.99):0.00} ms per command (storage included, HTTP not); the garbage collector paused everything {server.Collections} times, {server.GcPaused.TotalMilliseconds / elapsed.TotalSeconds:0.0} ms per second in all.");
            text.AppendLine();
        }

        text.AppendLine("| Command | Count | p50 ms | p90 ms | p99 ms | max ms | p99 from sending ms | HTTP errors | Refused (polite error reply) |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var group in samples.GroupBy(s => s.Command).OrderByDescending(g => g.Count()))
        {
            Row(text, group.Key, [.. group]);
        }

        Row(text, "**all**", samples);
        return text.ToString();
    }

    private static void Row(StringBuilder text, string name, IReadOnlyList<Sample> samples)
    {
        var sorted = samples.Select(s => s.LatencyMs).Order().ToArray();
        var fromSending = samples.Select(s => s.LatencyMs - s.LateMs).Order().ToArray();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| {name} | {sorted.Length} | {Percentile(sorted, 0.50):0.00} | {Percentile(sorted, 0.90):0.00} | {Percentile(sorted, 0.99):0.00} | {sorted[^1]:0.00} | {Percentile(fromSending, 0.99):0.00} | {samples.Count(s => s.HttpError)} | {samples.Count(s => s.Refused)} |");
    }

    private static double Percentile(double[] sorted, double quantile) =>
        sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];
}
