namespace GcmBot.Core.Replies;

/// <summary>Who issued a command, as the channels display them.</summary>
public sealed record Author(string Name, string? Delegation);
