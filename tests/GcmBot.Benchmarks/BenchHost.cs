using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using GcmBot.Core.Data;
using GcmBot.Core.Domain;
using GcmBot.Core.Handling;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace GcmBot.Benchmarks;

/// <summary>The real host on loopback over Kestrel, with its own temporary SQLite file.</summary>
internal sealed class BenchHost : IAsyncDisposable
{
    public const string Conversation = "room:Room A";

    private readonly WebApplicationFactory<global::Program> _factory;
    private readonly string _databasePath;

    private BenchHost(WebApplicationFactory<global::Program> factory, string databasePath, HttpClient client)
    {
        _factory = factory;
        _databasePath = databasePath;
        Client = client;
    }

    public HttpClient Client { get; }

    public CommandService CommandService => _factory.Services.GetRequiredService<CommandService>();

    /// <param name="settings">Extra configuration (the Teams mode's organiser and connector limits).</param>
    /// <param name="postgres">A PostgreSQL connection string to store in instead of the temporary SQLite file.</param>
    public static BenchHost Start(int port, IReadOnlyDictionary<string, string>? settings = null, string? postgres = null)
    {
        if (port == 0)
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
        }

        var databasePath = Path.Combine(Path.GetTempPath(), $"gcmbot-bench-{Guid.NewGuid():N}.db");
        var factory = new WebApplicationFactory<global::Program>().WithWebHostBuilder(builder =>
        {
            if (postgres is null)
            {
                builder.UseSetting("Storage:ConnectionString", $"Data Source={databasePath}");
            }
            else
            {
                builder.UseSetting("Storage:Provider", "Postgres");
                builder.UseSetting("Storage:ConnectionString", postgres);
            }

            // appsettings.json names port 5080; the benchmark listens on its own port only.
            builder.UseSetting("Urls", $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
            // Rehearsal clock: AG1–AG3 are running, so `agenda now` has real work to do.
            builder.UseSetting("Clock:Now", "2017-12-05T16:50:00Z");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                builder.UseSetting(key, value);
            }
        });
        factory.UseKestrel(port);
        try
        {
            factory.StartServer();
        }
        catch
        {
            factory.Dispose();
            SqliteConnection.ClearAllPools();
            File.Delete(databasePath);
            throw;
        }

        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 128,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            ConnectTimeout = TimeSpan.FromSeconds(5),
        };
        var client = new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"), Timeout = TimeSpan.FromSeconds(30) };
        return new BenchHost(factory, databasePath, client);
    }

    /// <summary>A moderator and delegates over the sample delegations, then created test delegations (“Benchland 0001”…, every fifth a stakeholder); AG1 opened.</summary>
    public async Task<LoadClients> PrepareAsync(int identities)
    {
        var store = _factory.Services.GetRequiredService<IMeetingStore>();
        var sample = await store.ExecuteAsync(async (data, ct) =>
        {
            var meeting = (await data.GetMeetingAsync(ct))!;
            var existing = await data.GetDelegationsAsync(meeting.Id, ct);
            var created = Enumerable.Range(1, Math.Max(0, identities - existing.Count))
                .Select(i => new Delegation { MeetingId = meeting.Id, Name = $"Benchland {i:0000}", Category = i % 5 == 0 ? DelegationCategory.Stakeholder : DelegationCategory.MemberState })
                .ToList();
            foreach (var delegation in created)
            {
                data.Add(delegation);
            }

            return existing.Select(d => d.Name).Concat(created.Select(d => d.Name)).ToList();
        }, CancellationToken.None);

        var moderator = await IdentityAsync("Bench moderator", null, "moderator");
        var delegates = new List<string>();
        var names = sample.Take(identities).ToList();
        foreach (var chunk in sample.Take(identities).Select((name, i) => (name, i)).Chunk(50))
        {
            delegates.AddRange(await Task.WhenAll(chunk.Select(d => IdentityAsync($"Delegate {d.i + 1}", d.name, "delegate"))));
        }

        using var request = Commands.Request(moderator, "/session open AG1");
        using var open = await Client.SendAsync(request);
        open.EnsureSuccessStatusCode();
        return new LoadClients(moderator, delegates, names);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_databasePath + suffix);
        }
    }

    private async Task<string> IdentityAsync(string name, string? delegation, string role)
    {
        using var response = await Client.PostAsJsonAsync(new Uri("/api/web/identity", UriKind.Relative), new { displayName = name, delegation, role });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"identity {name}: {(int)response.StatusCode} {body}");
        }

        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("userId").GetString()!;
    }
}
