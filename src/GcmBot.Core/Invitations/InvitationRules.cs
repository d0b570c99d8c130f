namespace GcmBot.Core.Invitations;

/// <summary>How long web chat sign-in links last; read from the <c>WebChat</c> section.</summary>
public sealed class InvitationRules
{
    public const string SectionName = "WebChat";

    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(7);
}
