namespace GcmBot.Discord.Wire;

internal sealed record DiscordUser(string Id, string Username, string? GlobalName, bool? Bot);
