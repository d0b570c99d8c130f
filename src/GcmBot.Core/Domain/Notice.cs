namespace GcmBot.Core.Domain;

/// <summary>
/// A message due at a given instant: timer warnings and expiries, reminders, scheduled broadcasts.
/// Stored so that it survives restarts; <see cref="FiredAt"/> is set once, by whichever instance wins.
/// </summary>
public sealed class Notice
{
    public long Id { get; set; }
    public NoticeKind Kind { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public int? SessionId { get; set; }
    public long? InterventionId { get; set; }

    /// <summary>The person a personal reminder is for.</summary>
    public int? ParticipantId { get; set; }
    public string Text { get; set; } = "";
    public int? CreatedByParticipantId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? FiredAt { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }

    public bool IsPending => FiredAt is null && CancelledAt is null;
}
