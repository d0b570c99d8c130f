namespace GcmBot.Core.Speaking;

/// <summary>Speaking-time and list rules from Annex 1 of the concept note; configurable per deployment.</summary>
public sealed class SpeakingRules
{
    public const string SectionName = "Speaking";

    public TimeSpan Statement { get; set; } = TimeSpan.FromMinutes(2);
    public TimeSpan FlexibleStatement { get; set; } = TimeSpan.FromMinutes(3);
    public TimeSpan Opening { get; set; } = TimeSpan.FromMinutes(5);
    public TimeSpan Closing { get; set; } = TimeSpan.FromMinutes(1);
    public TimeSpan Panellist { get; set; } = TimeSpan.FromMinutes(5);
    public TimeSpan PointOfOrder { get; set; } = TimeSpan.FromMinutes(1);
    public TimeSpan ConcludingRemarks { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>At least this many places are kept for speakers other than Member States.</summary>
    public int StakeholderSlots { get; set; } = 4;

    /// <summary>Member States that have not spoken yet in the session go ahead of those that have.</summary>
    public bool FirstTimeSpeakersFirst { get; set; } = true;

    /// <summary>The longest speaking allowance: a panel chair's extra time, well above a 5-minute introduction.</summary>
    public TimeSpan MaxAllowance { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The longest a speaking timer may be set or extended to in one go.</summary>
    public TimeSpan MaxTimer { get; set; } = TimeSpan.FromMinutes(30);

    public TimeSpan StatementFor(bool flexible) => flexible ? FlexibleStatement : Statement;
}
