namespace GcmBot.Core.Displays;

/// <summary>A session as a display shows it; times are already in the venue's time zone, the date in the room's language.</summary>
/// <param name="Status"><c>scheduled</c>, <c>open</c> or <c>closed</c>.</param>
/// <param name="Segment"><c>main</c> (Member States) or <c>stakeholders</c>.</param>
public sealed record SessionView(
    string Code,
    string Title,
    string Kind,
    string Status,
    string Date,
    string Starts,
    string Ends,
    string? Dimension,
    string Moderators,
    string Rapporteurs,
    bool ListOpen,
    string Segment,
    bool Flexible);
