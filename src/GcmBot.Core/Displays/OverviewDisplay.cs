namespace GcmBot.Core.Displays;

/// <summary>The organisers' view: every room of the current half-day (venue time).</summary>
/// <param name="HalfDay">e.g. "Tuesday 5 December 2017, morning".</param>
public sealed record OverviewDisplay(string MeetingTitle, string HalfDay, DateTimeOffset ServerTime, IReadOnlyList<RoomDisplay> Rooms);
