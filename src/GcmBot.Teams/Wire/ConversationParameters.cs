namespace GcmBot.Teams.Wire;

/// <summary>Creates a personal conversation with one user (<c>POST /v3/conversations</c>).</summary>
internal sealed record ConversationParameters(ChannelAccount Bot, IReadOnlyList<ChannelAccount> Members, string? TenantId)
{
    public bool IsGroup { get; init; }
}
