namespace GcmBot.Core.Domain;

/// <summary>A request for the floor. Rows are kept after they leave the list, for statistics.</summary>
public sealed class SpeakerEntry
{
    /// <summary>Assigned by the database in arrival order.</summary>
    public long Id { get; set; }
    public int SessionId { get; set; }
    public int DelegationId { get; set; }
    public RequestKind Kind { get; set; }
    public Segment Segment { get; set; }

    /// <summary>Order inside the segment; fractional so that insertions and moves touch one row.</summary>
    public double SortKey { get; set; }

    /// <summary>The delegation had already spoken in this session when it asked.</summary>
    public bool Returning { get; set; }
    public EntryStatus Status { get; set; }
    public int RequestedByParticipantId { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset? LeftAt { get; set; }

    public SpeakerEntry Copy() => (SpeakerEntry)MemberwiseClone();
}
