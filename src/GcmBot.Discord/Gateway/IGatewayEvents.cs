using System.Text.Json;

namespace GcmBot.Discord.Gateway;

/// <summary>Receives the gateway's dispatches (op 0). Must return quickly: the receive loop waits for it.</summary>
internal interface IGatewayEvents
{
    void Dispatch(string type, JsonElement data);
}
