namespace GcmBot.Teams.Wire;

/// <summary>A card or file on an activity (<c>#/definitions/Attachment</c>).</summary>
internal sealed record Attachment(string ContentType)
{
    public object? Content { get; init; }
    public string? ContentUrl { get; init; }
    public string? Name { get; init; }
}
