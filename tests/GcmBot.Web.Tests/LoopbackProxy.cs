using System.Net;
using System.Net.Sockets;

namespace GcmBot.Web.Tests;

/// <summary>
/// A TCP forwarder on loopback between a browser and the host, so a test can cut the network for real:
/// <see cref="Cut"/> closes every connection and refuses new ones; <see cref="Restore()"/> listens again on the same port.
/// </summary>
public sealed class LoopbackProxy : IAsyncDisposable
{
    private int _target;
    private readonly List<TcpClient> _connections = [];
    private readonly Lock _gate = new();
    private TcpListener? _listener;
    private CancellationTokenSource _accepting = new();

    public LoopbackProxy(Uri target)
    {
        _target = target.Port;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = AcceptAsync(_listener, _accepting.Token);
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public void Cut()
    {
        _accepting.Cancel();
        _listener?.Stop();
        _listener = null;
        lock (_gate)
        {
            foreach (var connection in _connections)
            {
                connection.Dispose();
            }

            _connections.Clear();
        }
    }

    /// <summary>Listens again, forwarding to another host from now on (a host restarted on another port).</summary>
    public void Restore(Uri target)
    {
        _target = target.Port;
        Restore();
    }

    public void Restore()
    {
        _accepting = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        _ = AcceptAsync(_listener, _accepting.Token);
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(cancellationToken);
                var upstream = new TcpClient();
                await upstream.ConnectAsync(IPAddress.Loopback, _target, cancellationToken);
                lock (_gate)
                {
                    _connections.Add(client);
                    _connections.Add(upstream);
                }

                _ = PumpAsync(client, upstream);
                _ = PumpAsync(upstream, client);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Cut: stop accepting.
        }
    }

    private static async Task PumpAsync(TcpClient from, TcpClient to)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream());
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException or SocketException)
        {
            // The other side went away (or the network was cut).
        }
        finally
        {
            to.Dispose();
            from.Dispose();
        }
    }

    public ValueTask DisposeAsync()
    {
        Cut();
        _accepting.Dispose();
        return ValueTask.CompletedTask;
    }
}
