namespace GcmBot.Core.Import;

/// <summary>The meeting file format (see <c>deploy/sample-meeting.json</c>); times are local to the venue.</summary>
/// <param name="LiveAt">
/// Marks a sample meeting: the venue-local moment that is laid at "now" when the file is loaded at a time
/// outside its days, so that a first run finds the meeting under way. A real meeting file has none and keeps its dates.
/// </param>
public sealed record MeetingFile(
    string Title,
    string Venue,
    string TimeZone,
    IReadOnlyList<MeetingFileSession> Sessions,
    IReadOnlyList<MeetingFileDelegation> Delegations,
    DateTime? LiveAt = null);
