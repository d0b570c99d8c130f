namespace GcmBot.Core.Domain;

/// <summary>
/// A sign-in link for the web chat: whoever opens it joins with its delegation and role. Only the token's hash
/// is stored (<see cref="TokenHash"/>), so the database never holds a link that could be used.
/// </summary>
public sealed class Invitation
{
    /// <summary>The longest address SMTP carries (RFC 5321's path, less its brackets).</summary>
    public const int MaxEmailLength = 254;

    public int Id { get; set; }
    public required string TokenHash { get; set; }
    public int? DelegationId { get; set; }
    public Roles Role { get; set; }
    public int MaxUses { get; set; } = 1;
    public int Uses { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>Who asked for it; null for the first-run organiser link and the meeting file's e-mail invitations.</summary>
    public int? CreatedById { get; set; }

    /// <summary>
    /// The address the meeting file listed it for (<see cref="Invitations.EmailInvitations"/>), as a label: the bot sends
    /// no mail and nobody proves the address, the link does. Null for a link asked for with <c>invite</c>.
    /// </summary>
    public string? Email { get; set; }

    public int UsesLeft => Math.Max(0, MaxUses - Uses);

    public bool IsLive(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt && UsesLeft > 0;
}
