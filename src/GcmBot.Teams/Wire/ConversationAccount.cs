namespace GcmBot.Teams.Wire;

/// <summary>A conversation (<c>#/definitions/ConversationAccount</c>); Teams' types are personal, groupChat and channel.</summary>
internal sealed record ConversationAccount(string? Id)
{
    public string? ConversationType { get; init; }
    public string? TenantId { get; init; }
    public string? Name { get; init; }
    public bool? IsGroup { get; init; }
}
