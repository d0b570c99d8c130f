namespace GcmBot.Core.Import;

/// <summary>The meeting file format (see <c>deploy/sample-meeting.json</c>); times are local to the venue.</summary>
public sealed record MeetingFile(
    string Title,
    string Venue,
    string TimeZone,
    IReadOnlyList<MeetingFileSession> Sessions,
    IReadOnlyList<MeetingFileDelegation> Delegations);
