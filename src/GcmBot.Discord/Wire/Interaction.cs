namespace GcmBot.Discord.Wire;

/// <summary>An interaction, from INTERACTION_CREATE or the HTTP endpoint (the fields we use).</summary>
/// <param name="Locale">The user's client language (<c>fr</c>, <c>es-ES</c>…), which replies follow.</param>
internal sealed record Interaction(
    string Id,
    InteractionType Type,
    string Token,
    string ApplicationId,
    string? ChannelId,
    string? GuildId,
    GuildMember? Member,
    DiscordUser? User,
    InteractionData? Data,
    string? Locale = null)
{
    /// <summary>The person: <c>member.user</c> in a guild, <c>user</c> in a DM.</summary>
    public DiscordUser? Person => Member?.User ?? User;
}
