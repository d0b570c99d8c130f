using System.Text.Json.Serialization;

namespace GcmBot.Discord.Gateway;

/// <summary>A frame to the gateway. <c>d</c> is always written, as <c>null</c> for a first heartbeat.</summary>
internal sealed record GatewayCommand(int Op, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] object? D);
