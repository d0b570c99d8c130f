namespace GcmBot.Core.Domain;

/// <summary>A participant made moderator or rapporteur of one session.</summary>
public sealed class SessionAssignment
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public int ParticipantId { get; set; }
    public Roles Role { get; set; }
}
