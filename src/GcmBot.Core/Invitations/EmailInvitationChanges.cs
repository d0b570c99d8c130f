namespace GcmBot.Core.Invitations;

/// <summary>What loading the meeting file did to its addresses' invitations.</summary>
public sealed record EmailInvitationChanges(int Created, int Revoked);
