namespace GcmBot.Core.Domain;

/// <summary>A written recommendation card: the chat equivalent of the card box in the common area.</summary>
public sealed class Card
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public int DelegationId { get; set; }
    public int SubmittedByParticipantId { get; set; }
    public required string Recommendation { get; set; }
    public string Means { get; set; } = "";
    public string Partnerships { get; set; } = "";
    public DateTimeOffset SubmittedAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }

    public bool IsWithdrawn => WithdrawnAt is not null;
}
