namespace GcmBot.Scheduling;

public sealed class SchedulingOptions
{
    public const string SectionName = "Scheduling";

    /// <summary>How often each instance looks for notices due soon (created elsewhere, or pending at start-up).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How far ahead notices get an in-process timer: each sweep covers two intervals. Later notices wait in the
    /// database until a sweep comes near them (a timer cannot wait more than about 49 days).
    /// </summary>
    public TimeSpan ArmingHorizon => SweepInterval * 2;

    /// <summary>How long after its due time Hangfire's backstop job fires a notice no in-process timer claimed.</summary>
    public TimeSpan BackstopDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Hangfire's polling of scheduled jobs; only the backstop depends on it.</summary>
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    public int WorkerCount { get; set; } = 4;

    /// <summary>
    /// The Hangfire dashboard at /hangfire: in Development open to local requests; elsewhere only when
    /// enabled, and then for organisers (their web chat token in the <c>gcmbot_user</c> cookie).
    /// </summary>
    public bool Dashboard { get; set; }
}
