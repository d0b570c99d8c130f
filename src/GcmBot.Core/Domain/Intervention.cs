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

    public TimeSpan Allotted => TimeSpan.FromSeconds(AllottedSeconds);
}
