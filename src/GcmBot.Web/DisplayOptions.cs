namespace GcmBot.Web;

public sealed class DisplayOptions
{
    public const string SectionName = "Displays";

    /// <summary>
    /// The least time between two rounds of display pushes: changes committed meanwhile are merged into the
    /// next round, so a busy room costs one read per interval rather than one per command. Zero pushes after
    /// every change.
    /// </summary>
    public TimeSpan PushInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Who may frame the room display (<c>/rooms/{room}/display</c>), as CSP <c>frame-ancestors</c> sources: the
    /// secretariat's own pages, e.g. <c>'self' https://meeting.example.org</c>. Every other page may not be framed.
    /// </summary>
    public string FrameAncestors { get; set; } = "'self'";
}
