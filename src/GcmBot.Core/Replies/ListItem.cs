using GcmBot.Core.Domain;

namespace GcmBot.Core.Replies;

/// <summary>One row of a list view, e.g. a place on the speakers list.</summary>
public sealed record ListItem(int Position, string Label, string Detail, Segment? Segment = null);
