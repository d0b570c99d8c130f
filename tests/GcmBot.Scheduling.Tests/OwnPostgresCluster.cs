using System.Diagnostics;
using Npgsql;

namespace GcmBot.Scheduling.Tests;

/// <summary>
/// A PostgreSQL cluster of the test's own (initdb under /tmp, a free loopback port), so that it can be stopped and
/// started again under a running host without touching the server the other tests share. Runs the server as the
/// <c>postgres</c> user when the tests run as root, as <c>./test.sh</c> does.
/// </summary>
internal sealed class OwnPostgresCluster : IAsyncDisposable
{
    private readonly string _directory;
    private readonly string _bin;
    private readonly int _port;

    private OwnPostgresCluster(string directory, string bin, int port)
    {
        _directory = directory;
        _bin = bin;
        _port = port;
    }

    public string ConnectionString(string applicationName) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = _port, Username = "postgres", Database = "gcmbot", ApplicationName = applicationName }.ConnectionString;

    private string Data => Path.Combine(_directory, "data");

    public static async Task<OwnPostgresCluster> StartAsync()
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql")
            .Select(version => Path.Combine(version, "bin"))
            .Where(b => File.Exists(Path.Combine(b, "initdb")))
            .OrderBy(b => int.Parse(Path.GetFileName(Path.GetDirectoryName(b))!, System.Globalization.CultureInfo.InvariantCulture))
            .LastOrDefault() ?? throw new InvalidOperationException("PostgreSQL server binaries not found under /usr/lib/postgresql (./test.sh installs them).");

        // Under /tmp, whose parents the postgres user can traverse.
        var directory = Directory.CreateTempSubdirectory("gcmbot-own-pg-").FullName;
        var cluster = new OwnPostgresCluster(directory, bin, ChildHost.FreePort());
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", "postgres:postgres", directory);
        }

        await cluster.AsServerUserAsync("initdb", "-D", cluster.Data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8");
        await cluster.StartAgainAsync();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cluster.ConnectionString("setup")) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("CREATE DATABASE gcmbot", connection);
        await command.ExecuteNonQueryAsync();
        return cluster;
    }

    /// <summary>Stops the server as an operator would (fast: open connections are cut), and waits until it is down.</summary>
    public Task StopAsync() => AsServerUserAsync("pg_ctl", "-D", Data, "-m", "fast", "-w", "-t", "60", "stop");

    /// <summary>Starts the server on its port and waits until it accepts connections.</summary>
    public Task StartAgainAsync() =>
        AsServerUserAsync("pg_ctl", "-D", Data, "-l", Path.Combine(_directory, "postgres.log"), "-w", "-t", "60", "start",
            "-o", $"-k {_directory} -c listen_addresses=127.0.0.1 -p {_port} -c fsync=off -c synchronous_commit=off -c full_page_writes=off");

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(Path.Combine(Data, "postmaster.pid")))
        {
            await AsServerUserAsync("pg_ctl", "-D", Data, "-m", "immediate", "-w", "-t", "60", "stop");
        }

        Directory.Delete(_directory, recursive: true);
    }

    private Task AsServerUserAsync(string program, params string[] arguments) =>
        Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, program), .. arguments], _directory)
            : RunAsync(Path.Combine(_bin, program), arguments, _directory);

    private static Task RunAsync(string program, params string[] arguments) => RunAsync(program, arguments, null);

    private static async Task RunAsync(string program, string[] arguments, string? directory)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (directory is not null)
        {
            start.WorkingDirectory = directory;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await error}");
        }
    }
}
