namespace GcmBot.Core.Speaking;

/// <summary>When warnings and reminders go out.</summary>
public sealed class ReminderRules
{
    public const string SectionName = "Reminders";

    /// <summary>The speaking-timer warning, before the allotted time runs out.</summary>
    public TimeSpan TimerWarning { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Reminder to the bound channels before each session starts.</summary>
    public TimeSpan BeforeSession { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Default lead time of <c>remind me</c>.</summary>
    public TimeSpan PersonalLead { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Reminder to the moderator to start the stakeholder segment, before the session's end.</summary>
    public TimeSpan StakeholderSegment { get; set; } = TimeSpan.FromMinutes(12);

    /// <summary>Reminder to the moderator that time is nearly up, before the session's end.</summary>
    public TimeSpan SessionEnding { get; set; } = TimeSpan.FromMinutes(5);
}
