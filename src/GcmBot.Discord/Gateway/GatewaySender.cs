using System.Net.WebSockets;
using System.Text.Json;
using GcmBot.Discord.RateLimits;

namespace GcmBot.Discord.Gateway;

/// <summary>One send at a time on the socket, within the gateway's send limit.</summary>
internal sealed class GatewaySender : IDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly SlidingWindowLimiter _limit;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public GatewaySender(ClientWebSocket socket, SlidingWindowLimiter limit)
    {
        _socket = socket;
        _limit = limit;
    }

    public async Task SendAsync(GatewayCommand command, CancellationToken cancellationToken)
    {
        await _limit.WaitAsync(cancellationToken);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(command, DiscordJson.Options);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, true, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _limit.Dispose();
        _gate.Dispose();
    }
}
