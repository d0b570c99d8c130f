namespace GcmBot.Discord.Wire;

/// <param name="Permissions">The member's permissions in the channel, a decimal bit set (interactions only).</param>
/// <param name="Roles">The member's role ids (in messages and REST members; absent from some partial members).</param>
internal sealed record GuildMember(DiscordUser? User, string? Nick, string? Permissions, IReadOnlyList<string>? Roles = null);
