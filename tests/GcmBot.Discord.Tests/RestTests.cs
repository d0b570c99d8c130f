using System.Net;
using GcmBot.Discord.Rest;
using GcmBot.Discord.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GcmBot.Discord.Tests;

/// <summary>
/// The REST client against the fake Discord. "Never early" is proved with the fake clock: the client must
/// be seen waiting on a timer, with nothing sent, before time moves on; the fake stamps arrival times.
/// </summary>
public sealed class RestTests : IAsyncDisposable
{
    private readonly WatchedClock _clock = new(GatewayRig.Start);
    private FakeDiscord? _fake;
    private DiscordRest? _rest;

    private async Task<(FakeDiscord Fake, DiscordRest Client)> StartAsync(Func<RecordedRequest, FakeResponse?> responder)
    {
        _fake = await FakeDiscord.StartAsync(_clock);
        _fake.Responder = responder;
        var options = Options.Create(new DiscordOptions { Token = GatewayRig.Token, ApiBaseUrl = _fake.ApiBase });
        _rest = new DiscordRest(new HttpClient { BaseAddress = _fake.ApiBase }, options, _clock, NullLogger<DiscordRest>.Instance);
        return (_fake, _rest);
    }

    private static Task<System.Text.Json.JsonElement?> PostAsync(DiscordRest rest, string channel) =>
        rest.SendAsync(DiscordRoute.Create(HttpMethod.Post, "channels/{channel_id}/messages", channel), new { content = "x", allowed_mentions = new { parse = Array.Empty<string>() } }, null, CancellationToken.None);

    private static FakeResponse Limited(int remaining, double resetAfter, string bucket = "bucket-a") =>
        new(200, """{"id": "1"}""", new Dictionary<string, string>
        {
            ["X-RateLimit-Bucket"] = bucket,
            ["X-RateLimit-Limit"] = "5",
            ["X-RateLimit-Remaining"] = remaining.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["X-RateLimit-Reset-After"] = resetAfter.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    [Fact]
    public async Task Send_EveryRequest_CarriesBotAuthorizationAndUserAgent()
    {
        var (fake, rest) = await StartAsync(_ => null);
        await PostAsync(rest, "10");

        var request = fake.Requests.Items.Single();
        Assert.Equal($"Bot {GatewayRig.Token}", request.Headers["Authorization"]);
        Assert.Matches(@"^DiscordBot \(https?://\S+, [\d.]+\)", request.Headers["User-Agent"]);
    }

    [Fact]
    public async Task Send_InteractionCallbackFails_TokenNeverInLogsOrErrors()
    {
        const string token = "aW50ZXJhY3Rpb246MTIzNDU2Nzg5OnNlY3JldA";
        _fake = await FakeDiscord.StartAsync(_clock);
        var calls = 0;
        _fake.Responder = _ => Interlocked.Increment(ref calls) == 1 ? new FakeResponse(500) : new FakeResponse(404, """{"message": "Unknown interaction", "code": 10062}""");
        var log = new CapturingLogger<DiscordRest>();
        _rest = new DiscordRest(new HttpClient { BaseAddress = _fake.ApiBase }, Options.Create(new DiscordOptions { Token = GatewayRig.Token, ApiBaseUrl = _fake.ApiBase }), _clock, log);
        var route = DiscordRoute.Create(HttpMethod.Post, "interactions/{interaction_id}/{interaction_token}/callback", "123456789", token);

        var send = _rest.SendAsync(route, new { type = 1 }, null, CancellationToken.None);
        await _clock.WaitForTimerAsync(TimeSpan.FromSeconds(1));
        _clock.Advance(TimeSpan.FromSeconds(1));
        var refused = await Assert.ThrowsAsync<DiscordRestException>(() => send);

        Assert.Contains(log.Entries.Items, e => e.Message.Contains("interactions/123456789/{interaction_token}/callback", StringComparison.Ordinal));
        Assert.DoesNotContain(token, string.Join('\n', log.Entries.Items.Select(e => e.Message)), StringComparison.Ordinal);
        Assert.DoesNotContain(token, refused.Message, StringComparison.Ordinal);
        Assert.Contains(token, _fake.Requests.Items[0].Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_BucketEmpty_WaitsForResetAfterAndNotForOtherChannels()
    {
        var (fake, rest) = await StartAsync(r => r.Path == "/channels/10/messages" ? Limited(0, 2.5) : Limited(4, 1, "bucket-a"));
        await PostAsync(rest, "10");

        var second = PostAsync(rest, "10");
        await _clock.WaitForTimerAsync(TimeSpan.FromSeconds(2.5));
        Assert.Single(fake.Requests.Items);

        // Another channel is another bucket (channel_id is a major parameter): it goes at once.
        await PostAsync(rest, "11");
        Assert.Equal(GatewayRig.Start, fake.Requests.Items[^1].ReceivedAt);

        _clock.Advance(TimeSpan.FromSeconds(2.5));
        await second.WaitAsync(Recorder<int>.Timeout);
        var arrived = fake.Requests.Items.Where(r => r.Path == "/channels/10/messages").ToList();
        Assert.Equal(2, arrived.Count);
        Assert.True(arrived[1].ReceivedAt >= GatewayRig.Start + TimeSpan.FromSeconds(2.5), $"sent at {arrived[1].ReceivedAt:O}");
    }

    [Fact]
    public async Task Send_GlobalLimit_51stRequestInASecondWaits()
    {
        var (fake, rest) = await StartAsync(_ => null);
        var sends = Enumerable.Range(0, DiscordRest.GlobalPerSecond + 1).Select(i => PostAsync(rest, (100 + i).ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();

        await fake.Requests.WaitAsync(_ => true, DiscordRest.GlobalPerSecond);
        await _clock.WaitForTimerAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(DiscordRest.GlobalPerSecond, fake.Requests.Items.Count);

        _clock.Advance(TimeSpan.FromSeconds(1));
        await Task.WhenAll(sends).WaitAsync(Recorder<int>.Timeout);
        Assert.Equal(GatewayRig.Start + TimeSpan.FromSeconds(1), fake.Requests.Items[^1].ReceivedAt);
    }

    [Fact]
    public async Task Send_429ForRoute_RetriesAfterRetryAfter()
    {
        var calls = 0;
        var (fake, rest) = await StartAsync(_ => Interlocked.Increment(ref calls) == 1
            ? new FakeResponse(429, """{"message": "You are being rate limited.", "retry_after": 3, "global": false}""", new Dictionary<string, string>
            {
                ["Retry-After"] = "3",
                ["X-RateLimit-Scope"] = "user",
                ["X-RateLimit-Remaining"] = "0",
                ["X-RateLimit-Reset-After"] = "3",
            })
            : null);

        var send = PostAsync(rest, "10");
        await _clock.WaitForTimerAsync(TimeSpan.FromSeconds(3));
        Assert.Single(fake.Requests.Items);
        _clock.Advance(TimeSpan.FromSeconds(3));

        var answer = await send.WaitAsync(Recorder<int>.Timeout);
        Assert.NotNull(answer);
        Assert.Equal(GatewayRig.Start + TimeSpan.FromSeconds(3), fake.Requests.Items[1].ReceivedAt);
    }

    [Fact]
    public async Task Send_Global429_HoldsEveryRoute()
    {
        var calls = 0;
        var (fake, rest) = await StartAsync(_ => Interlocked.Increment(ref calls) == 1
            ? new FakeResponse(429, """{"message": "You are being rate limited.", "retry_after": 2, "global": true}""", new Dictionary<string, string>
            {
                ["Retry-After"] = "2",
                ["X-RateLimit-Global"] = "true",
                ["X-RateLimit-Scope"] = "global",
            })
            : null);

        var first = PostAsync(rest, "10");
        await fake.Requests.WaitAsync(_ => true);
        await _clock.WaitForTimerAsync(TimeSpan.FromSeconds(2));
        var other = PostAsync(rest, "11");
        Assert.Single(fake.Requests.Items);

        _clock.Advance(TimeSpan.FromSeconds(2));
        await Task.WhenAll(first, other).WaitAsync(Recorder<int>.Timeout);
        Assert.All(fake.Requests.Items.Skip(1), r => Assert.True(r.ReceivedAt >= GatewayRig.Start + TimeSpan.FromSeconds(2)));
        Assert.Equal(3, fake.Requests.Items.Count);
    }

    [Fact]
    public async Task Send_ServerError_RetriesWithBackoffThenSucceeds()
    {
        var calls = 0;
        var (fake, rest) = await StartAsync(_ => Interlocked.Increment(ref calls) <= 2 ? new FakeResponse(502) : null);

        var send = PostAsync(rest, "10");
        await _clock.WaitForTimerAsync(TimeSpan.FromSeconds(1));
        _clock.Advance(TimeSpan.FromSeconds(1));
        await _clock.WaitForTimerAsync(TimeSpan.FromSeconds(2));
        _clock.Advance(TimeSpan.FromSeconds(2));

        Assert.NotNull(await send.WaitAsync(Recorder<int>.Timeout));
        Assert.Equal([0, 1, 3], fake.Requests.Items.Select(r => (r.ReceivedAt - GatewayRig.Start).TotalSeconds));
    }

    [Fact]
    public async Task Send_ClientError_ThrowsWithoutRetry()
    {
        var (fake, rest) = await StartAsync(_ => new FakeResponse(403, """{"message": "Missing Access", "code": 50001}"""));

        var refused = await Assert.ThrowsAsync<DiscordRestException>(() => PostAsync(rest, "10"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains("Missing Access", refused.Message, StringComparison.Ordinal);
        Assert.Single(fake.Requests.Items);
    }

    public async ValueTask DisposeAsync()
    {
        _rest?.Dispose();
        if (_fake is not null)
        {
            await _fake.DisposeAsync();
        }
    }
}
