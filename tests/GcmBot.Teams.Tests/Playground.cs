using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace GcmBot.Teams.Tests;

/// <summary>
/// Microsoft 365 Agents Playground (npm <c>@microsoft/m365agentsplayground</c>, installed by <c>npm ci</c> in
/// <c>js/</c>): a Teams-like web client plus a mock connector, started on loopback against the host's
/// <c>/api/messages</c>, channel <c>msteams</c>. A no-op <c>xdg-open</c> first on PATH keeps it from
/// trying to open a desktop browser.
/// </summary>
public sealed partial class Playground : IAsyncDisposable
{
    /// <summary>The Playground's signed-in user (its default configuration).</summary>
    public const string UserId = "user-id-0";

    /// <summary>The bot's account in the Playground's default configuration.</summary>
    public const string BotId = "00000000-0000-0000-0000-00000000000011";

    public const string BotName = "Test Bot";

    public const string TenantId = "00000000-0000-0000-0000-0000000000001";

    /// <summary>The default configuration's team; its General channel has the team's id.</summary>
    public const string TeamId = "team-id";

    private static readonly HttpClient _http = new();

    private readonly Process _process;
    private readonly string _sandbox;
    private readonly string _recording;
    private readonly FileSystemWatcher _watcher;
    private readonly SemaphoreSlim _recorded = new(0);

    private Playground(Process process, string sandbox, string recording, Uri address)
    {
        _process = process;
        _sandbox = sandbox;
        _recording = recording;
        Address = address;
        _watcher = new FileSystemWatcher(sandbox, Path.GetFileName(recording)) { NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size };
        _watcher.Created += (_, _) => _recorded.Release();
        _watcher.Changed += (_, _) => _recorded.Release();
        _watcher.EnableRaisingEvents = true;
    }

    public Uri Address { get; }

    /// <summary>The Playground's mock connector, where the bot answers.</summary>
    public string ServiceUrl => new Uri(Address, "_connector").AbsoluteUri;

    /// <summary>
    /// Starts the Playground. With <paramref name="recordEvents"/> (its <c>--enable-events-recording</c>), it
    /// writes every request between it and the bot, both ways, to a file that <see cref="RecordedAsync"/> reads.
    /// </summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public static async Task<Playground> StartAsync(Uri botEndpoint, bool recordEvents = false)
    {
        var cli = FindCli();
        var sandbox = Directory.CreateTempSubdirectory("gcmbot-playground-").FullName;
        var bin = Directory.CreateDirectory(Path.Combine(sandbox, "bin")).FullName;
        var xdgOpen = Path.Combine(bin, "xdg-open");
        await File.WriteAllTextAsync(xdgOpen, "#!/bin/sh\nexit 0\n");
        File.SetUnixFileMode(xdgOpen, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = sandbox,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { cli, "--app-endpoint", botEndpoint.AbsoluteUri, "--channel-id", "msteams", "--port", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture), "--disable-telemetry" })
        {
            start.ArgumentList.Add(argument);
        }

        var recording = Path.Combine(sandbox, "events.log");
        if (recordEvents)
        {
            start.ArgumentList.Add("--enable-events-recording");
            start.Environment["M365_AGENTS_PLAYGROUND_RECORDING_FILE"] = recording;
        }

        start.Environment["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        start.Environment["BROWSER"] = "none";
        var process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started.");
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            output.Enqueue(e.Data);
            if (Listening().Match(e.Data) is { Success: true } match)
            {
                listening.TrySetResult(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                output.Enqueue(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"The Playground exited ({process.ExitCode}): {string.Join('\n', output)}"));

        try
        {
            var port = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
            return new Playground(process, sandbox, recording, new Uri($"http://127.0.0.1:{port}/"));
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The Playground did not start listening within 60 s: {string.Join('\n', output)}");
        }
    }

    /// <summary>The Playground's configuration (users, personal chat, team and channels), from its own API.</summary>
    public async Task<System.Text.Json.JsonElement> ConfigAsync() =>
        await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement>(_http, new Uri(Address, "_internal/v1/config"));

    /// <summary>
    /// Sends an activity to the bot through the Playground's custom activities (<c>POST /_internal/v1/customActivities</c>,
    /// its "custom activity" trigger): the only way it offers to speak as a user other than its signed-in one.
    /// </summary>
    public async Task SendActivityAsync(object activity)
    {
        using var response = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(_http, new Uri(Address, "_internal/v1/customActivities"), activity);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Waits until the recording file changes (a write since the last wait counts), at most <paramref name="bound"/>.</summary>
    public Task WaitForRecordingAsync(TimeSpan bound) => _recorded.WaitAsync(bound < TimeSpan.Zero ? TimeSpan.Zero : bound);

    /// <summary>The events recorded so far (requests both ways, with their responses), oldest first.</summary>
    public async Task<IReadOnlyList<System.Text.Json.JsonElement>> RecordedAsync()
    {
        if (!File.Exists(_recording))
        {
            return [];
        }

        string text;
        await using (var stream = new FileStream(_recording, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        using (var reader = new StreamReader(stream))
        {
            text = await reader.ReadToEndAsync();
        }

        // Each event is pretty-printed JSON followed by a "---" line; the last one may still be being written.
        var events = new List<System.Text.Json.JsonElement>();
        foreach (var chunk in text.Split("\n---\n"))
        {
            if (string.IsNullOrWhiteSpace(chunk))
            {
                continue;
            }

            try
            {
                events.Add(System.Text.Json.JsonDocument.Parse(chunk).RootElement.Clone());
            }
            catch (System.Text.Json.JsonException)
            {
                break;
            }
        }

        return events;
    }

    public async ValueTask DisposeAsync()
    {
        _watcher.Dispose();
        _recorded.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_sandbox, recursive: true);
    }

    private static string FindCli()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var cli = Path.Combine(dir.FullName, "tests", "GcmBot.Teams.Tests", "js", "node_modules", "@microsoft", "m365agentsplayground", "cli.js");
            if (File.Exists(cli))
            {
                return cli;
            }
        }

        throw new FileNotFoundException("The Agents Playground is not installed: run `npm ci` in tests/GcmBot.Teams.Tests/js (./test.sh does).");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"Listening on (\d+)")]
    private static partial Regex Listening();
}
