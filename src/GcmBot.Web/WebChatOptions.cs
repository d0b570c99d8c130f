namespace GcmBot.Web;

public sealed class WebChatOptions
{
    public const string SectionName = "WebChat";

    /// <summary>Let visitors pick their own delegation and role: a convenience organisers switch off for a real meeting.</summary>
    public bool IdentityPicker { get; set; } = true;
}
