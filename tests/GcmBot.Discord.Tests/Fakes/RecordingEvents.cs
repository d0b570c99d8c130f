using System.Text.Json;
using GcmBot.Discord.Gateway;

namespace GcmBot.Discord.Tests.Fakes;

internal sealed class RecordingEvents : IGatewayEvents
{
    public Recorder<(string Type, JsonElement Data)> Dispatches { get; } = new();

    public void Dispatch(string type, JsonElement data) => Dispatches.Add((type, data.Clone()));
}
