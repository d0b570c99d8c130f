using System.Text.Json;
using GcmBot.Core.Data;
using GcmBot.Discord.Gateway;
using GcmBot.Discord.Tests.Fakes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GcmBot.Discord.Tests;

/// <summary>
/// The real host (Program, SQLite file, scheduling, web chat) with the Discord channel configured against
/// the fake Discord: its gateway client connects to the fake, its REST calls go to the fake.
/// </summary>
public sealed class DiscordHost : IAsyncDisposable
{
    /// <summary>5 December 2017, 10:40 in Puerto Vallarta: the action groups are about to start.</summary>
    public static readonly DateTimeOffset ActionGroupMorning = new(2017, 12, 5, 16, 40, 0, TimeSpan.Zero);

    private readonly WebApplicationFactory<Program> _root = new();
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"gcmbot-discord-{Guid.NewGuid():N}.db");

    private DiscordHost(FakeDiscord fake, WatchedClock clock)
    {
        Fake = fake;
        Clock = clock;
    }

    public FakeDiscord Fake { get; }
    public WatchedClock Clock { get; }
    public WebApplicationFactory<Program> Factory { get; private set; } = null!;
    public FakeGatewayConnection Gateway { get; private set; } = null!;
    /// <summary>The host's SQLite file, for tests that hold its write lock from outside.</summary>
    public string DatabasePath => _database;

    public IMeetingStore Store => Factory.Services.GetRequiredService<IMeetingStore>();

    public static async Task<DiscordHost> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var clock = new WatchedClock(ActionGroupMorning);
        var fake = await FakeDiscord.StartAsync(clock);

        // The scenario moves the clock by minutes; an hour-long heartbeat keeps heartbeats (tested elsewhere) out of it.
        fake.HeartbeatInterval = 3_600_000;
        var host = new DiscordHost(fake, clock);
        host.Factory = host._root.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Storage:ConnectionString", $"Data Source={host._database}");
            builder.UseSetting("Discord:Token", GatewayRig.Token);
            builder.UseSetting("Discord:ApiBaseUrl", fake.ApiBase.ToString());
            builder.UseSetting("Discord:GuildId", FakeDiscord.GuildId);
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(clock);
                services.RemoveAll<GatewayJitter>();
                services.AddSingleton(new GatewayJitter(() => 0.5));
            });
        });
        _ = host.Factory.Server;
        host.Gateway = await fake.ConnectionAsync(1);
        await host.Gateway.WaitForAsync(2);
        return host;
    }

    /// <summary>Sends INTERACTION_CREATE over the gateway; returns the callback body the bot posted for it.</summary>
    public async Task<JsonElement> InteractAsync(object interaction)
    {
        var json = JsonSerializer.SerializeToElement(interaction);
        var id = json.GetProperty("id").GetString()!;
        await Gateway.DispatchAsync("INTERACTION_CREATE", interaction);
        return (await Fake.RequestAsync("POST", $"/interactions/{id}/")).Json;
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await _root.DisposeAsync();
        await Fake.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_database + suffix);
        }
    }
}
