using System.Text.Json;

namespace GcmBot.Discord.Gateway;

/// <summary>A frame from the gateway.</summary>
internal sealed record GatewayPayload(int Op, JsonElement D, int? S, string? T);
