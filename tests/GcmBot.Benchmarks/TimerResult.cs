namespace GcmBot.Benchmarks;

/// <summary>One row of the timer table: lateness in ms, sorted, of every timer that fired.</summary>
internal sealed record TimerResult(string Label)
{
    public int Expected { get; init; }

    /// <summary>Timers created (GcmBot: notices read back from the database; Hangfire: jobs scheduled).</summary>
    public int Notices { get; init; }

    public double[] Lateness { get; init; } = [];

    public int Pending { get; init; }

    public int Cancelled { get; init; }

    /// <summary>GcmBot: fired at least Scheduling:BackstopDelay late (when the Hangfire backstop joins the race).</summary>
    public int? AtOrAfterBackstop { get; init; }

    /// <summary>GcmBot: claims won by an in-process timer (armed by the creating command or by a sweep).</summary>
    public int ByTimer { get; init; }

    /// <summary>GcmBot: claims won by the Hangfire backstop job.</summary>
    public int ByBackstop { get; init; }

    /// <summary>GcmBot: lateness with at most six other notices due within 100 ms, and with more (the bursts).</summary>
    public (double[] Few, double[] Many) Crowded { get; init; } = ([], []);

    public int OverHttp { get; init; }

    public double[] OverHttpLateness { get; init; } = [];

    /// <summary>Timers created over HTTP: from due time to the message reaching the web channel adapter.</summary>
    public double[] Delivered { get; init; } = [];

    public int HttpRefused { get; init; }

    public double ArmSeconds { get; init; }

    public string? Failure { get; init; }

    public static double Percentile(double[] sorted, double quantile) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];
}
