using System.Globalization;

namespace GcmBot.Benchmarks;

/// <summary>Command line after <c>timers</c>: <c>--count 1000 --seconds 45 [--postgres "&lt;npgsql connection string&gt;"]</c>.</summary>
internal sealed record TimerOptions(int Count, int Seconds, string? Postgres)
{
    /// <summary>Seed of the due-time plan: every run, and every row of one run, gets the same distribution.</summary>
    public const int Seed = 20171205;

    /// <summary>The first due time, after the bulk notices are stored and armed (seconds from the plan's start).</summary>
    public static readonly TimeSpan Lead = TimeSpan.FromSeconds(10);

    public static TimerOptions Parse(string[] args)
    {
        string? Text(string name)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
        }

        int Read(string name, int fallback) => Text(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

        var options = new TimerOptions(Read("--count", 1000), Read("--seconds", 45), Text("--postgres"));
        if (options.Count is < 100 or > 20_000 || options.Seconds is < 20 or > 120)
        {
            throw new ArgumentException("Expected --count 100..20000 and --seconds 20..120 (the spread of the due times).");
        }

        return options;
    }
}
