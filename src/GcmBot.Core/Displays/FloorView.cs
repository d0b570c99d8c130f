namespace GcmBot.Core.Displays;

/// <summary>Who holds the floor and the state of their timer.</summary>
/// <param name="Category">Display name of the delegation's category, in the room's language; null for the chair, a panellist, the rapporteur.</param>
/// <param name="CategoryKey">The category token (<c>memberState</c>, …) for styling.</param>
/// <param name="Kind"><c>statement</c>, <c>pointOfOrder</c>, <c>reply</c>, <c>opening</c>, <c>closing</c>, <c>panellist</c> or <c>rapporteur</c>.</param>
/// <param name="Timer"><c>idle</c>, <c>running</c>, <c>paused</c>, <c>expired</c> or <c>stopped</c>.</param>
/// <param name="Deadline">When the allotted time runs out (running or expired timers).</param>
/// <param name="RemainingSeconds">Time left on a paused timer.</param>
/// <param name="KindLabel">The kind as the room's language says it (<i>droit de réponse</i>…).</param>
public sealed record FloorView(
    string Speaker,
    string? Category,
    string? CategoryKey,
    string Kind,
    string Segment,
    DateTimeOffset StartedAt,
    int AllottedSeconds,
    string Timer,
    DateTimeOffset? Deadline,
    double? RemainingSeconds,
    string KindLabel);
