namespace GcmBot.Web;

public sealed class WebChatOptions
{
    public const string SectionName = "WebChat";

    /// <summary>
    /// Let visitors pick their own delegation and role: a Development and rehearsal convenience. Unset, it is on in
    /// Development only; everyone else signs in with an invitation.
    /// </summary>
    public bool IdentityPicker { get; set; }

    /// <summary>The web chat's address as people reach it (behind a proxy); empty: the address the host listens on.</summary>
    public string PublicUrl { get; set; } = "";
}
