namespace GcmBot.Host;

public sealed class MeetingOptions
{
    public const string SectionName = "Meeting";

    /// <summary>
    /// The meeting file, loaded at start when the database has no meeting or its current meeting has another
    /// title (so pointing this at another file loads that meeting). Relative paths are from the app's folder.
    /// </summary>
    public string File { get; set; } = "sample-meeting.json";
}
