using System.Text.Json;

namespace GcmBot.Discord.Tests.Fakes;

/// <summary>A frame a client sent to the fake gateway.</summary>
public sealed record GatewayFrame(int Op, JsonElement D, DateTimeOffset ReceivedAt)
{
    public override string ToString() => $"op {Op} {D.GetRawText()}";
}
