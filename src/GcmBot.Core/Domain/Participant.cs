namespace GcmBot.Core.Domain;

/// <summary>A chat identity on one channel, mapped to a delegation and roles.</summary>
public sealed class Participant
{
    public int Id { get; set; }

    /// <summary>Channel kind: <c>web</c>, <c>discord</c>, <c>teams</c>.</summary>
    public required string Channel { get; set; }

    /// <summary>The user's id on that channel.</summary>
    public required string ExternalId { get; set; }
    public required string DisplayName { get; set; }
    public int? DelegationId { get; set; }
    public Roles Roles { get; set; }
    public DateTimeOffset FirstSeenAt { get; set; }

    /// <summary>The language the person chose with <c>language</c>, in every channel; null: their channel's, else the meeting's.</summary>
    public string? Language { get; set; }

    public bool Has(Roles role) => (Roles & role) == role;
}
