using GcmBot.Core.Domain;

namespace GcmBot.Core.Invitations;

/// <summary>What opening an invitation gave: the person's delegation and role, or why it was refused (nothing stored).</summary>
public sealed record Redemption(string? Delegation, Roles Role, string? Error)
{
    public static Redemption Refused(string error) => new(null, Roles.None, error);
}
