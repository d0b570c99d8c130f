namespace GcmBot.Host;

public sealed class ClockOptions
{
    public const string SectionName = "Clock";

    /// <summary>
    /// Rehearsal mode: the instant the bot believes it is at start-up (time then runs normally), so that
    /// a past or future meeting can be run as if live. Empty: the real time.
    /// </summary>
    public DateTimeOffset? Now { get; set; }
}
