namespace GcmBot.Core.Invitations;

/// <summary>The address people open to sign in with an invitation: the web chat knows where it is served.</summary>
public interface ISignInLinks
{
    string For(string token);
}
