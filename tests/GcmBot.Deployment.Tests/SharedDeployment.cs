using System.Text.Json;
using System.Text.Json.Nodes;
using GcmBot.Scheduling.Tests;
using GcmBot.Storage.Tests;

namespace GcmBot.Deployment.Tests;

/// <summary>
/// The shared deployment of deploy/compose.yaml, on loopback from Debian packages: one PostgreSQL
/// database (the cluster ./test.sh starts), redis-server, two host processes and nginx in front,
/// configured from deploy/nginx/gcmbot.conf.template.
/// </summary>
internal sealed class SharedDeployment : IAsyncDisposable
{
    /// <summary>Delegations in the test meeting: the sample's, topped up to the 200 the issue asks for.</summary>
    public const int DelegationCount = 200;

    private readonly string _directory = Directory.CreateTempSubdirectory("gcmbot-deploy-").FullName;
    private readonly List<IAsyncDisposable> _parts = [];
    private string? _database;
    private int? _memberStates;

    public ChildHost A { get; private set; } = null!;
    public ChildHost B { get; private set; } = null!;

    /// <summary>The web chat API through nginx, as users reach it.</summary>
    public WebChat Proxy { get; private set; } = null!;

    public Uri ProxyAddress { get; private set; } = null!;

    public IReadOnlyList<string> Delegations { get; private set; } = [];

    public IReadOnlyList<string> MemberStates { get; private set; } = [];

    /// <summary>Quick sweeps and backstops, and a warning 3 s before the end, so that short timers show every step.</summary>
    private static readonly string[] _settings =
    [
        "--Scheduling:SweepInterval=00:00:01",
        "--Scheduling:BackstopDelay=00:00:02",
        "--Scheduling:SchedulePollingInterval=00:00:01",
        "--Reminders:TimerWarning=00:00:03",
    ];

    /// <summary>Past the backstop jobs and several sweeps of both instances: a notice due before then has gone out.</summary>
    public static readonly TimeSpan SettleWindow = TimeSpan.FromSeconds(2 + 1 + 2);

    /// <param name="memberStates">Top the sample's delegations up with Member States only, until it has this many, instead of up to <see cref="DelegationCount"/> delegations of both kinds.</param>
    public static async Task<SharedDeployment> StartAsync(int? memberStates = null)
    {
        var deployment = new SharedDeployment { _memberStates = memberStates };
        try
        {
            await deployment.StartPartsAsync(_settings);
            return deployment;
        }
        catch
        {
            await deployment.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = _parts.Count - 1; i >= 0; i--)
        {
            await _parts[i].DisposeAsync();
        }

        if (_database is not null)
        {
            await PostgresServer.DropDatabaseAsync(_database);
        }

        Directory.Delete(_directory, recursive: true);
    }

    private async Task StartPartsAsync(string[] settings)
    {
        _database = PostgresServer.NewDatabaseName();
        await PostgresServer.CreateDatabaseAsync(_database);

        var redisPort = ChildHost.FreePort();
        _parts.Add(await ChildProcess.StartAsync("redis-server", redisPort, "--port", redisPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"));

        var meetingFile = await WriteMeetingAsync();
        string[] shared =
        [
            "--Storage:Provider=Postgres",
            $"--ConnectionStrings:Redis=127.0.0.1:{redisPort}",
            $"--Meeting:File={meetingFile}",
            .. settings,
        ];

        // Started together, as compose starts the replicas: migrations, Hangfire's schema and the meeting
        // seed must each happen once however the two race.
        var a = ChildHost.StartAsync([.. shared, $"--Storage:ConnectionString={PostgresServer.ConnectionStringFor(_database, "gcmbot-a")}"]);
        var b = ChildHost.StartAsync([.. shared, $"--Storage:ConnectionString={PostgresServer.ConnectionStringFor(_database, "gcmbot-b")}"]);
        await Task.WhenAll(a, b);
        A = await a;
        B = await b;
        _parts.Add(A);
        _parts.Add(B);

        var proxyPort = ChildHost.FreePort();
        var config = await WriteNginxConfigAsync(proxyPort);
        _parts.Add(await ChildProcess.StartAsync("nginx", proxyPort, "-p", _directory, "-c", config, "-g", "daemon off;"));
        ProxyAddress = new Uri($"http://127.0.0.1:{proxyPort}");
        var client = new HttpClient { BaseAddress = ProxyAddress };
        _parts.Add(new Disposer(client.Dispose));
        Proxy = new WebChat(client);
    }

    /// <summary>The sample meeting with extra Member States and stakeholders up to <see cref="DelegationCount"/> (or Member States only).</summary>
    private async Task<string> WriteMeetingAsync()
    {
        var meeting = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot, "deploy", "sample-meeting.json")))!.AsObject();
        var delegations = meeting["delegations"]!.AsArray();
        bool IsMemberState(JsonNode? d) => d!["category"]!.GetValue<string>() == "memberState";
        for (var i = delegations.Count + 1; _memberStates is { } wanted ? delegations.Count(IsMemberState) < wanted : i <= DelegationCount; i++)
        {
            var stakeholder = _memberStates is null && i % 4 == 0;
            delegations.Add(new JsonObject
            {
                ["name"] = stakeholder ? $"Stakeholder Network {i:D3}" : $"Member State {i:D3}",
                ["category"] = stakeholder ? "stakeholder" : "memberState",
            });
        }

        Delegations = [.. delegations.Select(d => d!["name"]!.GetValue<string>())];
        MemberStates = [.. delegations.Where(IsMemberState).Select(d => d!["name"]!.GetValue<string>())];
        var path = Path.Combine(_directory, "meeting.json");
        await File.WriteAllTextAsync(path, meeting.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return path;
    }

    /// <summary>deploy/nginx/gcmbot.conf.template, rendered as the nginx image would, inside a minimal main configuration.</summary>
    private async Task<string> WriteNginxConfigAsync(int port)
    {
        var template = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot, "deploy", "nginx", "gcmbot.conf.template"));
        var site = template
            .Replace("${GCMBOT_UPSTREAM_A}", A.BaseAddress.Authority, StringComparison.Ordinal)
            .Replace("${GCMBOT_UPSTREAM_B}", B.BaseAddress.Authority, StringComparison.Ordinal)
            .Replace("${GCMBOT_LISTEN}", $"127.0.0.1:{port}", StringComparison.Ordinal);
        Assert.DoesNotContain("${", site, StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(_directory, "gcmbot.conf"), site);

        // As root, nginx would run its worker as nobody, who cannot write this private directory's temp files.
        var user = Environment.UserName == "root" ? "user root;" : "";
        var main = $$"""
            {{user}}
            worker_processes 1;
            pid {{_directory}}/nginx.pid;
            error_log stderr warn;
            events { worker_connections 1024; }
            http {
                access_log off;
                client_body_temp_path {{_directory}}/client_body;
                proxy_temp_path {{_directory}}/proxy;
                fastcgi_temp_path {{_directory}}/fastcgi;
                uwsgi_temp_path {{_directory}}/uwsgi;
                scgi_temp_path {{_directory}}/scgi;
                include {{_directory}}/gcmbot.conf;
            }
            """;
        var path = Path.Combine(_directory, "nginx.conf");
        await File.WriteAllTextAsync(path, main);
        return path;
    }

    private static string RepositoryRoot
    {
        get
        {
            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "GcmBot.sln")))
            {
                root = root.Parent;
            }

            return root?.FullName ?? throw new InvalidOperationException("GcmBot.sln not found above the test directory.");
        }
    }

    private sealed class Disposer(Action dispose) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            dispose();
            return ValueTask.CompletedTask;
        }
    }
}
