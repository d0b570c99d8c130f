namespace GcmBot.Core.Domain;

/// <summary>One time a delegation (or the chair) held the floor.</summary>
public sealed class Intervention
{
    public long Id { get; set; }
    public int SessionId { get; set; }
    public int? DelegationId { get; set; }
    public long? SpeakerEntryId { get; set; }
    public InterventionKind Kind { get; set; }
    public Segment Segment { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public int AllottedSeconds { get; set; }

    /// <summary>Who speaks when it is not a delegation from the list: the moderator, a panellist.</summary>
    public string? SpeakerName { get; set; }

    public TimerState TimerState { get; set; }

    /// <summary>When the allotted time runs out, while the timer runs.</summary>
    public DateTimeOffset? Deadline { get; set; }

    /// <summary>Time left when the timer was paused.</summary>
    public double? PausedRemainingSeconds { get; set; }
    public DateTimeOffset? PausedAt { get; set; }
    public double PausedTotalSeconds { get; set; }

    public TimeSpan Allotted => TimeSpan.FromSeconds(AllottedSeconds);

    /// <summary>How long the speaker actually spoke: the floor time minus pauses.</summary>
    public TimeSpan? Actual => EndedAt is { } end ? end - StartedAt - TimeSpan.FromSeconds(PausedTotalSeconds) : null;
}
