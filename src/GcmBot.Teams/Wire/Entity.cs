namespace GcmBot.Teams.Wire;

/// <summary>An activity entity; GcmBot reads <c>mention</c> entities (<c>#/definitions/Mention</c>).</summary>
internal sealed record Entity(string? Type)
{
    public ChannelAccount? Mentioned { get; init; }
    public string? Text { get; init; }
}
