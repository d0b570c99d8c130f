using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace GcmBot.Discord.Tests.Fakes;

/// <summary>One client connection to the fake gateway: what it sent, and a way to send it frames.</summary>
public sealed class FakeGatewayConnection
{
    private readonly WebSocket _socket;
    private readonly SemaphoreSlim _sending = new(1, 1);
    private int _sequence;

    public FakeGatewayConnection(WebSocket socket, string path, int sequenceStart)
    {
        _socket = socket;
        Path = path;
        _sequence = sequenceStart;
    }

    /// <summary><c>/gateway</c> (identify) or <c>/resume</c> (the resume_gateway_url).</summary>
    public string Path { get; }

    /// <summary>The User-Agent of the WebSocket upgrade request.</summary>
    public string UserAgent { get; init; } = "";

    public Recorder<GatewayFrame> Frames { get; } = new();

    public TaskCompletionSource Closed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Sequence => _sequence;

    /// <summary>Told of every dispatch as it is sent (the fake starts an interaction's 3-second window here).</summary>
    public Action<string, JsonElement>? Dispatched { get; init; }

    public Task<GatewayFrame> WaitForAsync(int op) => Frames.WaitOneAsync(f => f.Op == op, $"op {op} on {Path}");

    public async Task SendAsync(object payload)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(payload);
        await _sending.WaitAsync();
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>
    /// Sends a frame the client answers by hanging up (op 7 reconnect, op 9 invalid session). The client can close
    /// before the server's flush completes, and the send then fails where Discord's own server would just drop the
    /// connection. The test proves that the frame arrived by the reconnection it asserts on.
    /// </summary>
    public async Task SendLastAsync(object payload)
    {
        try
        {
            await SendAsync(payload);
        }
        catch (WebSocketException)
        {
            // The client closed first (seen once in a fresh-clone run).
        }
    }

    /// <summary>Sends a dispatch (op 0) with the next sequence number; returns that number.</summary>
    public async Task<int> DispatchAsync(string type, object data)
    {
        var sequence = Interlocked.Increment(ref _sequence);
        Dispatched?.Invoke(type, JsonSerializer.SerializeToElement(data));
        await SendAsync(new { op = 0, t = type, s = sequence, d = data });
        return sequence;
    }

    /// <summary>Closes with a Discord close code; like <see cref="SendLastAsync"/>, the client may hang up before the flush.</summary>
    public async Task CloseAsync(int code)
    {
        await _sending.WaitAsync();
        try
        {
            await _socket.CloseOutputAsync((WebSocketCloseStatus)code, "closed by the fake", CancellationToken.None);
        }
        catch (WebSocketException)
        {
            // The client closed first (seen once in a fresh-clone run); the test asserts on what the client did next.
        }
        finally
        {
            _sending.Release();
        }
    }

    internal async Task<string?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(message.ToArray());
            }
        }
    }
}
