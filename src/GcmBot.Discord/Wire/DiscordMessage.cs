namespace GcmBot.Discord.Wire;

/// <summary>A MESSAGE_CREATE / MESSAGE_UPDATE / MESSAGE_DELETE payload (updates and deletes may be partial).</summary>
internal sealed record DiscordMessage(string Id, string ChannelId, string? GuildId, DiscordUser? Author, GuildMember? Member, string? Content, string? WebhookId);
