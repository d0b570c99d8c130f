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
    /// <summary>The delegation this person speaks for: set only once the membership is proven (see <see cref="RequestedDelegationId"/>).</summary>
    public int? DelegationId { get; set; }

    /// <summary>When the person became a member of <see cref="DelegationId"/>; null for members from before it was recorded.</summary>
    public DateTimeOffset? JoinedAt { get; set; }

    /// <summary>
    /// A delegation the person asked to join with <c>register</c>, waiting for its focal point or an organiser to
    /// approve: until then the person does not act for it.
    /// </summary>
    public int? RequestedDelegationId { get; set; }
    public DateTimeOffset? RequestedAt { get; set; }
    public Roles Roles { get; set; }
    public DateTimeOffset FirstSeenAt { get; set; }

    /// <summary>The language the person chose with <c>language</c>, in every channel; null: their channel's, else the meeting's.</summary>
    public string? Language { get; set; }

    /// <summary>
    /// The language the person's channel last reported for them (Discord's or Teams' <c>locale</c>, the browser's
    /// <c>Accept-Language</c>), as one of the six codes; null when it reported none of them. Messages sent later,
    /// outside a reply, fall back on it when the person made no choice.
    /// </summary>
    public string? ChannelLanguage { get; set; }

    public bool Has(Roles role) => (Roles & role) == role;

    /// <summary>Makes the person a member of a delegation, ending any request.</summary>
    public void Join(Delegation delegation, DateTimeOffset now)
    {
        DelegationId = delegation.Id;
        JoinedAt = now;
        Roles |= Roles.Delegate;
        RequestedDelegationId = null;
        RequestedAt = null;
    }
}
