namespace GcmBot.Host;

public sealed class MeetingOptions
{
    public const string SectionName = "Meeting";

    /// <summary>The meeting file loaded when the database has no meeting; relative paths are from the app's folder.</summary>
    public string File { get; set; } = "sample-meeting.json";
}
