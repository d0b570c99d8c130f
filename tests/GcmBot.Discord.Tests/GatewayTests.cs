using GcmBot.Discord.Gateway;
using GcmBot.Discord.RateLimits;
using GcmBot.Discord.Tests.Fakes;
using Microsoft.Extensions.Logging;

namespace GcmBot.Discord.Tests;

/// <summary>The Gateway v10 client against the scripted fake gateway, time driven by a fake clock.</summary>
public sealed class GatewayTests
{
    private const int Guilds = 1 << 0;
    private const int GuildMessages = 1 << 9;
    private const int DirectMessages = 1 << 12;
    private const int MessageContent = 1 << 15;

    [Fact]
    public async Task Connect_Hello_IdentifiesWithTokenAndIntentsThenReady()
    {
        await using var rig = await GatewayRig.StartAsync();
        var connection = await rig.Fake.ConnectionAsync(1);
        var identify = await connection.WaitForAsync(2);

        Assert.Equal("/gateway", connection.Path);
        Assert.Equal(GatewayRig.Token, identify.D.GetProperty("token").GetString());
        Assert.Equal(Guilds | GuildMessages | DirectMessages | MessageContent, identify.D.GetProperty("intents").GetInt32());
        Assert.True(identify.D.GetProperty("properties").TryGetProperty("os", out _));
        await rig.Events.Dispatches.WaitOneAsync(d => d.Type == "READY");
        Assert.Equal("GET", rig.Fake.Requests.Items[0].Method);
        Assert.Equal("/gateway/bot", rig.Fake.Requests.Items[0].Path);
    }

    [Fact]
    public async Task Connect_Upgrade_SendsUserAgentInDiscordsForm()
    {
        await using var rig = await GatewayRig.StartAsync();

        var connection = await rig.ReadyAsync();

        Assert.Matches(@"^DiscordBot \(https?://\S+, [^)]+\)$", connection.UserAgent);
    }

    [Fact]
    public async Task Close_BeforeReady_ReconnectsWithGrowingJitteredBackoff()
    {
        await using var rig = await GatewayRig.StartAsync(fake => fake.AutoReady = false);

        // Decode error (4002) right after every identify, as a broken peer would.
        var first = await rig.Fake.ConnectionAsync(1);
        await first.WaitForAsync(2);
        await first.CloseAsync(4002);

        // 1 s × (0.5 + 0.5 × 0.5) = 0.75 s, and no reconnection before it.
        await rig.Clock.WaitForTimerAsync(TimeSpan.FromSeconds(0.75));
        Assert.Single(rig.Fake.Connections.Items);
        rig.Clock.Advance(TimeSpan.FromSeconds(0.75));
        // The identify limit (one per 5 s) holds the rest.
        await rig.Clock.WaitForTimerAsync(TimeSpan.FromSeconds(4.25));
        rig.Clock.Advance(TimeSpan.FromSeconds(4.25));

        var second = await rig.Fake.ConnectionAsync(2);
        await second.WaitForAsync(2);
        await second.CloseAsync(4002);

        // Doubled: 2 s × 0.75.
        await rig.Clock.WaitForTimerAsync(TimeSpan.FromSeconds(1.5));
        Assert.Equal(2, rig.Fake.Connections.Items.Count);
        Assert.Contains(rig.Log.Entries.Items, e => e.Event.Id == 6112);
    }

    [Fact]
    public async Task Heartbeat_AfterJitteredIntervalThenEveryInterval_CarriesLastSequence()
    {
        await using var rig = await GatewayRig.StartAsync();
        var connection = await rig.ReadyAsync();
        var sequence = await connection.DispatchAsync("MESSAGE_CREATE", new { id = "1", channel_id = "2", content = "hi" });
        await rig.Events.Dispatches.WaitOneAsync(d => d.Type == "MESSAGE_CREATE");
        Assert.DoesNotContain(connection.Frames.Items, f => f.Op == 1);

        // First heartbeat: interval × jitter after Hello; then one per interval, each acknowledged.
        rig.Clock.Advance(rig.Interval * GatewayRig.Jitter);
        var first = await connection.WaitForAsync(1);
        Assert.Equal(sequence, first.D.GetInt32());
        Assert.Equal(GatewayRig.Start + (rig.Interval * GatewayRig.Jitter), first.ReceivedAt);

        // The fake acked at once; a dispatch sent after the ack is handled after it (one receive loop),
        // so once it is seen the client knows of the ack before the next heartbeat is due.
        var later = await connection.DispatchAsync("MESSAGE_CREATE", new { id = "3", channel_id = "2", content = "after the ack" });
        await rig.Events.Dispatches.WaitAsync(d => d.Type == "MESSAGE_CREATE", 2);
        await rig.Clock.WaitForTimerAsync(rig.Interval);
        rig.Clock.Advance(rig.Interval);
        var beats = await connection.Frames.WaitAsync(f => f.Op == 1, 2);
        Assert.Equal(later, beats[1].D.GetInt32());
        Assert.Equal(GatewayRig.Start + (rig.Interval * 1.5), beats[1].ReceivedAt);
        Assert.Single(rig.Fake.Connections.Items);
    }

    [Fact]
    public async Task Heartbeat_ServerAsksOp1_AnswersAtOnceWithSequence()
    {
        await using var rig = await GatewayRig.StartAsync();
        var connection = await rig.ReadyAsync();
        await connection.SendAsync(new { op = 1, d = (object?)null });

        var beat = await connection.WaitForAsync(1);
        Assert.Equal(connection.Sequence, beat.D.GetInt32());
        Assert.Equal(GatewayRig.Start, beat.ReceivedAt);
    }

    [Fact]
    public async Task Heartbeat_NotAcknowledged_ClosesAndResumesWithSessionAndSequence()
    {
        await using var rig = await GatewayRig.StartAsync(fake => fake.AutoAck = false);
        var connection = await rig.ReadyAsync();
        await connection.DispatchAsync("MESSAGE_CREATE", new { id = "1", channel_id = "2", content = "a" });
        var last = await connection.DispatchAsync("MESSAGE_CREATE", new { id = "2", channel_id = "2", content = "b" });
        await rig.Events.Dispatches.WaitAsync(d => d.Type == "MESSAGE_CREATE", 2);

        rig.Clock.Advance(rig.Interval * GatewayRig.Jitter);
        await connection.WaitForAsync(1);
        await rig.Clock.WaitForTimerAsync(rig.Interval);
        rig.Clock.Advance(rig.Interval);

        // No ack for the first heartbeat: a zombie connection. Dropped, then resumed where it was.
        await connection.Closed.Task.WaitAsync(Recorder<int>.Timeout);
        var resumed = await rig.Fake.ConnectionAsync(2);
        var resume = await resumed.WaitForAsync(6);
        Assert.Equal("/resume", resumed.Path);
        Assert.Equal(GatewayRig.Token, resume.D.GetProperty("token").GetString());
        Assert.Equal(FakeDiscord.SessionId, resume.D.GetProperty("session_id").GetString());
        Assert.Equal(last, resume.D.GetProperty("seq").GetInt32());
        Assert.Single(connection.Frames.Items, f => f.Op == 1);
        await rig.Log.Entries.WaitOneAsync(e => e.Event.Id == 6104);
    }

    [Fact]
    public async Task Reconnect_Op7_ResumesOnResumeUrl()
    {
        await using var rig = await GatewayRig.StartAsync();
        var connection = await rig.ReadyAsync();
        var last = await connection.DispatchAsync("MESSAGE_CREATE", new { id = "1", channel_id = "2", content = "a" });
        await connection.SendLastAsync(new { op = 7, d = (object?)null });

        var resumed = await rig.Fake.ConnectionAsync(2);
        var resume = await resumed.WaitForAsync(6);
        Assert.Equal("/resume", resumed.Path);
        Assert.Equal(last, resume.D.GetProperty("seq").GetInt32());
        await rig.Events.Dispatches.WaitOneAsync(d => d.Type == "RESUMED");
        Assert.Single(rig.Fake.Requests.Items, r => r.Path == "/gateway/bot");
    }

    [Fact]
    public async Task InvalidSession_Resumable_Resumes()
    {
        await using var rig = await GatewayRig.StartAsync();
        var connection = await rig.ReadyAsync();
        await connection.SendLastAsync(new { op = 9, d = true });

        var resumed = await rig.Fake.ConnectionAsync(2);
        var resume = await resumed.WaitForAsync(6);
        Assert.Equal(FakeDiscord.SessionId, resume.D.GetProperty("session_id").GetString());
        Assert.DoesNotContain(resumed.Frames.Items, f => f.Op == 2);
    }

    [Fact]
    public async Task InvalidSession_NotResumable_WaitsThenIdentifiesAfreshWithinIdentifyLimit()
    {
        await using var rig = await GatewayRig.StartAsync();
        var connection = await rig.ReadyAsync();
        await connection.SendLastAsync(new { op = 9, d = false });

        // 1–5 s random wait (1 + 4 × 0.5 = 3 s here); nothing happens before it.
        await rig.Clock.WaitForTimerAsync(TimeSpan.FromSeconds(3));
        Assert.Single(rig.Fake.Connections.Items);
        rig.Clock.Advance(TimeSpan.FromSeconds(3));

        // max_concurrency 1: one identify per 5 s, so the new one waits 2 s more.
        await rig.Clock.WaitForTimerAsync(TimeSpan.FromSeconds(2));
        Assert.Single(rig.Fake.Connections.Items);
        rig.Clock.Advance(TimeSpan.FromSeconds(2));

        var fresh = await rig.Fake.ConnectionAsync(2);
        var identify = await fresh.WaitForAsync(2);
        Assert.Equal("/gateway", fresh.Path);
        Assert.Equal(GatewayRig.Start + TimeSpan.FromSeconds(5), identify.ReceivedAt);
        Assert.DoesNotContain(fresh.Frames.Items, f => f.Op == 6);
        Assert.Equal(2, rig.Fake.Requests.Items.Count(r => r.Path == "/gateway/bot"));
    }

    [Theory]
    [InlineData(4004)]
    [InlineData(4010)]
    [InlineData(4011)]
    [InlineData(4012)]
    [InlineData(4013)]
    [InlineData(4014)]
    public async Task Close_AuthenticationOrIntentsError_StopsWithClearLog(int code)
    {
        await using var rig = await GatewayRig.StartAsync();
        var connection = await rig.ReadyAsync();
        await connection.CloseAsync(code);

        await rig.Gateway.ExecuteTask!.WaitAsync(Recorder<int>.Timeout);
        var stopped = await rig.Log.Entries.WaitOneAsync(e => e.Event.Id == 6108);
        Assert.Equal(LogLevel.Critical, stopped.Level);
        Assert.Contains("not reconnecting", stopped.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(GatewayRig.Token, string.Join('\n', rig.Log.Entries.Items.Select(e => e.Message)), StringComparison.Ordinal);
        Assert.Single(rig.Fake.Connections.Items);
    }

    [Theory]
    [InlineData(4007)]
    [InlineData(4009)]
    public async Task Close_InvalidSeqOrSessionTimeout_IdentifiesAfresh(int code)
    {
        await using var rig = await GatewayRig.StartAsync();
        var connection = await rig.ReadyAsync();
        await connection.CloseAsync(code);

        await rig.Fake.Requests.WaitAsync(r => r.Path == "/gateway/bot", 2);
        rig.Clock.Advance(TimeSpan.FromSeconds(5));
        var fresh = await rig.Fake.ConnectionAsync(2);
        await fresh.WaitForAsync(2);
        Assert.Equal("/gateway", fresh.Path);
        Assert.DoesNotContain(fresh.Frames.Items, f => f.Op == 6);
    }

    [Theory]
    [InlineData(4000)]
    [InlineData(4001)]
    [InlineData(4008)]
    [InlineData(1001)]
    public async Task Close_Recoverable_Resumes(int code)
    {
        await using var rig = await GatewayRig.StartAsync();
        var connection = await rig.ReadyAsync();
        var last = await connection.DispatchAsync("MESSAGE_CREATE", new { id = "1", channel_id = "2", content = "a" });
        await connection.CloseAsync(code);

        var resumed = await rig.Fake.ConnectionAsync(2);
        var resume = await resumed.WaitForAsync(6);
        Assert.Equal("/resume", resumed.Path);
        Assert.Equal(last, resume.D.GetProperty("seq").GetInt32());
    }

    [Fact]
    public async Task Identify_SessionStartsUsedUp_WaitsForResetBeforeConnecting()
    {
        await using var rig = await GatewayRig.StartAsync(fake => fake.SessionStartLimit = (0, 30_000, 1));
        await rig.Clock.WaitForTimerAsync(TimeSpan.FromSeconds(30));
        Assert.Empty(rig.Fake.Connections.Items);

        rig.Clock.Advance(TimeSpan.FromSeconds(30));
        var connection = await rig.Fake.ConnectionAsync(1);
        var identify = await connection.WaitForAsync(2);
        Assert.Equal(GatewayRig.Start + TimeSpan.FromSeconds(30), identify.ReceivedAt);
    }

    [Fact]
    public async Task SendLimit_120Per60Seconds_121stWaitsForTheWindow()
    {
        var clock = new WatchedClock(GatewayRig.Start);
        using var limiter = new SlidingWindowLimiter(GatewayClient.SendsPerWindow, GatewayClient.SendWindow, clock);
        for (var i = 0; i < 120; i++)
        {
            await limiter.WaitAsync(CancellationToken.None);
            clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        var next = limiter.WaitAsync(CancellationToken.None);
        await clock.WaitForTimerAsync(TimeSpan.FromSeconds(48));
        Assert.False(next.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(48));
        await next.WaitAsync(Recorder<int>.Timeout);
    }
}
