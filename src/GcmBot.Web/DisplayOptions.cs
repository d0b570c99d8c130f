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
}
