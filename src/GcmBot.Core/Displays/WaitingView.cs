namespace GcmBot.Core.Displays;

/// <summary>One place on the speakers list as a display shows it.</summary>
/// <param name="Category">The delegation's category in the room's language.</param>
/// <param name="Segment"><c>pointOfOrder</c>, <c>main</c> or <c>stakeholders</c>.</param>
/// <param name="Kind"><c>statement</c>, <c>pointOfOrder</c> or <c>reply</c>.</param>
/// <param name="KindLabel">The kind in the room's language.</param>
public sealed record WaitingView(int Position, string Delegation, string Category, string CategoryKey, string Segment, string Kind, string KindLabel);
