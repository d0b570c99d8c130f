using GcmBot.Discord.Gateway;
using GcmBot.Discord.Rest;
using GcmBot.Discord.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GcmBot.Discord.Tests;

/// <summary>The adapter's gateway client connected to the fake Discord, on a fake clock, with jitter fixed at 0.5.</summary>
internal sealed class GatewayRig : IAsyncDisposable
{
    public const string Token = "fake-bot-token";
    public const double Jitter = 0.5;

    private GatewayRig(FakeDiscord fake, WatchedClock clock, GatewayClient gateway, RecordingEvents events, CapturingLogger<GatewayClient> log, DiscordRest rest)
    {
        Fake = fake;
        Clock = clock;
        Gateway = gateway;
        Events = events;
        Log = log;
        Rest = rest;
    }

    public static readonly DateTimeOffset Start = new(2017, 12, 5, 16, 40, 0, TimeSpan.Zero);

    public FakeDiscord Fake { get; }
    public WatchedClock Clock { get; }
    public GatewayClient Gateway { get; }
    public RecordingEvents Events { get; }
    public CapturingLogger<GatewayClient> Log { get; }
    public DiscordRest Rest { get; }

    public TimeSpan Interval => TimeSpan.FromMilliseconds(Fake.HeartbeatInterval);

    public static async Task<GatewayRig> StartAsync(Action<FakeDiscord>? script = null)
    {
        var clock = new WatchedClock(Start);
        var fake = await FakeDiscord.StartAsync(clock);
        fake.HeartbeatInterval = 10_000;
        script?.Invoke(fake);
        var options = Options.Create(new DiscordOptions { Token = Token, ApiBaseUrl = fake.ApiBase });
        var rest = new DiscordRest(new HttpClient { BaseAddress = fake.ApiBase }, options, clock, NullLogger<DiscordRest>.Instance);
        var events = new RecordingEvents();
        var log = new CapturingLogger<GatewayClient>();
        var gateway = new GatewayClient(rest, options, clock, new GatewayJitter(() => Jitter), events, log);
        await gateway.StartAsync(CancellationToken.None);
        return new GatewayRig(fake, clock, gateway, events, log, rest);
    }

    /// <summary>First connection identified and READY delivered.</summary>
    public async Task<FakeGatewayConnection> ReadyAsync()
    {
        var connection = await Fake.ConnectionAsync(1);
        await connection.WaitForAsync(2);
        await Events.Dispatches.WaitOneAsync(d => d.Type == "READY", "READY");
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        await Gateway.StopAsync(CancellationToken.None);
        Gateway.Dispose();
        Rest.Dispose();
        await Fake.DisposeAsync();
    }
}
