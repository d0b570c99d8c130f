namespace GcmBot.Teams.Wire;

/// <summary>The connector's answer to a sent activity or a created conversation.</summary>
internal sealed record ResourceResponse(string? Id);
