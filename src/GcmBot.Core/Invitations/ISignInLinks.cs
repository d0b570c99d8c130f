namespace GcmBot.Core.Invitations;

/// <summary>The addresses people open in a browser (an invitation's sign-in, a draft's review page): the web chat knows where it is served.</summary>
public interface ISignInLinks
{
    string For(string token);

    /// <summary>The absolute address of a page of the web chat's host, e.g. <c>drafts/AG1</c>.</summary>
    string Page(string path);
}
