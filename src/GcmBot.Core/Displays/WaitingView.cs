namespace GcmBot.Core.Displays;

/// <summary>One place on the speakers list as a display shows it.</summary>
/// <param name="Segment"><c>pointOfOrder</c>, <c>main</c> or <c>stakeholders</c>.</param>
public sealed record WaitingView(int Position, string Delegation, string Category, string CategoryKey, string Segment, string Kind);
