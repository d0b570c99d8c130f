using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace GcmBot.Scheduling.Tests;

/// <summary>The real host, built by this solution, in its own process on real time (so that it can be killed).</summary>
public sealed class ChildHost : IAsyncDisposable
{
    private static readonly TimeSpan _startUp = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly HttpClient _client;

    private ChildHost(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        _client = new HttpClient { BaseAddress = baseAddress };
        Chat = new WebChat(_client);
    }

    public Uri BaseAddress { get; }

    public WebChat Chat { get; }

    public string Output => string.Join(Environment.NewLine, _output);

    /// <summary>Starts the host on a free loopback port with the given <c>--Key=value</c> settings and waits until it serves.</summary>
    public static async Task<ChildHost> StartAsync(params string[] settings)
    {
        var port = FreePort();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(HostAssembly)!,
        };
        start.ArgumentList.Add(HostAssembly);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        // Production, where the identity picker is off by default: these tests pick identities as in a rehearsal.
        start.ArgumentList.Add("--WebChat:IdentityPicker=true");
        foreach (var setting in settings)
        {
            start.ArgumentList.Add(setting);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var host = new ChildHost(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => host.Read(e.Data);
        process.ErrorDataReceived += (_, e) => host.Read(e.Data);
        process.Exited += (_, _) => host._started.TrySetException(new InvalidOperationException($"The host exited ({process.ExitCode}) before it started:{Environment.NewLine}{host.Output}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await host._started.Task.WaitAsync(_startUp);
        }
        catch (TimeoutException)
        {
            await host.DisposeAsync();
            throw new TimeoutException($"The host did not start within {_startUp}:{Environment.NewLine}{host.Output}");
        }

        return host;
    }

    /// <summary>Kills the process and its children at once, as a crash or an OOM kill would.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        _client.Dispose();
    }

    /// <summary>GcmBot.Host.dll as built next to this test assembly's configuration (Debug or Release).</summary>
    private static string HostAssembly
    {
        get
        {
            var testDirectory = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var framework = testDirectory.Name;
            var configuration = testDirectory.Parent!.Name;
            var root = testDirectory;
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "GcmBot.sln")))
            {
                root = root.Parent;
            }

            Assert.NotNull(root);
            var path = Path.Combine(root.FullName, "src", "GcmBot.Host", "bin", configuration, framework, "GcmBot.Host.dll");
            Assert.True(File.Exists(path), $"The host is not built at {path}");
            return path;
        }
    }

    private void Read(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        if (line.Contains("Application started", StringComparison.Ordinal))
        {
            _started.TrySetResult();
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
