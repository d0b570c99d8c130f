namespace GcmBot.Benchmarks;

/// <summary>
/// The due times, as offsets from a run's start: spread over the window, with bursts of identical
/// deadlines (several sessions' timers ending at the same instant). Seeded: every row gets the same plan.
/// </summary>
internal static class TimerPlan
{
    /// <summary>Six sessions, each in its own bound web conversation.</summary>
    public static readonly string[] Sessions = ["AG1", "AG2", "AG3", "AG4", "AG5", "AG6"];

    public static IReadOnlyList<TimeSpan> DueOffsets(int count, TimeSpan window)
    {
        var random = new Random(TimerOptions.Seed);
        var offsets = new List<TimeSpan>(count);
        // About 40% in bursts of 6–60 identical deadlines, the rest spread evenly at random.
        while (offsets.Count < count * 2 / 5)
        {
            var at = TimerOptions.Lead + (window * random.NextDouble());
            offsets.AddRange(Enumerable.Repeat(at, Math.Min(random.Next(6, 61), count - offsets.Count)));
        }

        while (offsets.Count < count)
        {
            offsets.Add(TimerOptions.Lead + (window * random.NextDouble()));
        }

        return [.. offsets.OrderBy(o => o)];
    }

    /// <summary>
    /// Speaking times for the timers created over HTTP: rounds in which all six sessions give the floor at
    /// once, alternately with the same allowance (a burst of six deadlines) and with allowances spread 3–25 s.
    /// </summary>
    public static IReadOnlyList<int[]> Rounds(TimeSpan window)
    {
        var random = new Random(TimerOptions.Seed + 1);
        var rounds = new List<int[]>();
        var elapsed = 0.0;
        while (true)
        {
            var round = rounds.Count % 2 == 0
                ? Enumerable.Repeat(random.Next(3, 11), Sessions.Length).ToArray()
                : Enumerable.Range(0, Sessions.Length).Select(_ => random.Next(3, 26)).ToArray();
            // Each round waits for its longest timer, plus a little for the expiry to go out.
            var length = round.Max() + 2.0;
            if (elapsed + length > window.TotalSeconds + 5)
            {
                return rounds;
            }

            rounds.Add(round);
            elapsed += length;
        }
    }
}
