namespace GcmBot.Core.Domain;

/// <summary>A chat message captured while a session was open in a bound channel.</summary>
public sealed class Contribution
{
    public long Id { get; set; }
    public int SessionId { get; set; }
    public required string Channel { get; set; }
    public required string ConversationId { get; set; }
    public required string MessageId { get; set; }
    public int ParticipantId { get; set; }
    public int? DelegationId { get; set; }
    public required string AuthorName { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset At { get; set; }
    public DateTimeOffset? EditedAt { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }
}
