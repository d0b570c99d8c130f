namespace GcmBot.Discord.Gateway;

/// <summary>The answer of <c>GET /gateway/bot</c>.</summary>
internal sealed record GatewayBot(string Url, int Shards, SessionStartLimit SessionStartLimit);
