namespace GcmBot.Discord.Wire;

/// <param name="Permissions">The member's permissions in the channel, a decimal bit set (interactions only).</param>
internal sealed record GuildMember(DiscordUser? User, string? Nick, string? Permissions);
