namespace GcmBot.Host;

public sealed class ClockOptions
{
    public const string SectionName = "Clock";

    /// <summary>
    /// Rehearsal mode: the instant the bot believes it is when first started with this value (time then runs
    /// normally, and restarts continue from where it was), so that a past or future meeting can be run as if live.
    /// Empty: the real time.
    /// </summary>
    public DateTimeOffset? Now { get; set; }

    /// <summary>Where the rehearsal clock's anchor is kept between restarts; relative paths are from the app's folder.</summary>
    public string AnchorFile { get; set; } = "rehearsal-clock.json";
}
