using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;

namespace GcmBot.Deployment.Tests;

/// <summary>A server program (redis-server, nginx) in a child process, killed with the test.</summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private static readonly TimeSpan _startUp = TimeSpan.FromSeconds(20);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ChildProcess(Process process)
    {
        _process = process;
    }

    public string Output => string.Join(Environment.NewLine, _output);

    /// <summary>Starts <paramref name="program"/> and waits until it accepts connections on <paramref name="port"/>.</summary>
    public static async Task<ChildProcess> StartAsync(string program, int port, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var child = new ChildProcess(new Process { StartInfo = start, EnableRaisingEvents = true });
        child._process.OutputDataReceived += (_, e) => child.Read(e.Data);
        child._process.ErrorDataReceived += (_, e) => child.Read(e.Data);
        child._process.Start();
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();

        // Neither program says on its standard streams when it listens: ask the port.
        using var cancel = new CancellationTokenSource(_startUp);
        while (!await AcceptsAsync(port, cancel.Token))
        {
            if (child._process.HasExited || cancel.IsCancellationRequested)
            {
                await child.DisposeAsync();
                throw new InvalidOperationException($"{program} did not start listening on {port}:{Environment.NewLine}{child.Output}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System, CancellationToken.None);
        }

        return child;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private static async Task<bool> AcceptsAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private void Read(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }
}
