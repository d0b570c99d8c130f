using System.Text.Json;
using GcmBot.Discord.Rest;
using GcmBot.Discord.Tests.Fakes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GcmBot.Discord.Tests;

/// <summary>
/// Discord takes an interaction's first answer (its callback) only within 3 seconds and only once; after that
/// the interaction's webhook carries the answer. The fake refuses as Discord does (10062, 40060, 10015), on the
/// fake clock.
/// </summary>
public sealed class InteractionWindowTests
{
    private static readonly (string Id, string Name, bool Organiser) _organiser = ("800000000000000001", "Secretariat", true);
    private static readonly TimeSpan _budget = TimeSpan.FromSeconds(2);

    private static string Text(JsonElement interaction, string property) => interaction.GetProperty(property).GetString()!;

    private static string CallbackPath(JsonElement interaction) => $"/interactions/{Text(interaction, "id")}/{Text(interaction, "token")}/callback";

    [Fact]
    public async Task Callback_LateOrTwice_FakeRefusesLikeDiscord()
    {
        var clock = new WatchedClock(GatewayRig.Start);
        await using var fake = await FakeDiscord.StartAsync(clock);
        using var rest = new DiscordRest(new HttpClient { BaseAddress = fake.ApiBase }, Options.Create(new DiscordOptions { Token = GatewayRig.Token, ApiBaseUrl = fake.ApiBase }), clock, NullLogger<DiscordRest>.Instance);
        DiscordRoute Callback(string id) => DiscordRoute.Create(HttpMethod.Post, "interactions/{interaction_id}/{interaction_token}/callback", id, "token-" + id);
        DiscordRoute Original(string id) => DiscordRoute.Create(HttpMethod.Patch, "webhooks/{webhook_id}/{webhook_token}/messages/@original", FakeDiscord.ApplicationId, "token-" + id);
        var deferral = new { type = 5 };
        var edit = new { content = "done", allowed_mentions = new { parse = Array.Empty<string>() } };
        fake.Issue("1", "token-1");
        fake.Issue("2", "token-2");

        var early = await Assert.ThrowsAsync<DiscordRestException>(() => rest.SendAsync(Original("1"), edit, null, CancellationToken.None));
        await rest.SendAsync(Callback("1"), deferral, null, CancellationToken.None);
        var twice = await Assert.ThrowsAsync<DiscordRestException>(() => rest.SendAsync(Callback("1"), deferral, null, CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(3.001));
        var late = await Assert.ThrowsAsync<DiscordRestException>(() => rest.SendAsync(Callback("2"), deferral, null, CancellationToken.None));
        await rest.SendAsync(Original("1"), edit, null, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(15));
        var expired = await Assert.ThrowsAsync<DiscordRestException>(() => rest.SendAsync(Original("1"), edit, null, CancellationToken.None));

        Assert.Equal([10015, 40060, 10062, 50027], new[] { early.Code, twice.Code, late.Code, expired.Code });
    }

    [Fact]
    public async Task SendWithin_ServerErrorsUntilTheWindowCloses_GivesUpWithoutALateRetry()
    {
        var clock = new WatchedClock(GatewayRig.Start);
        await using var fake = await FakeDiscord.StartAsync(clock);
        fake.Responder = _ => new FakeResponse(500);
        using var rest = new DiscordRest(new HttpClient { BaseAddress = fake.ApiBase }, Options.Create(new DiscordOptions { Token = GatewayRig.Token, ApiBaseUrl = fake.ApiBase }), clock, NullLogger<DiscordRest>.Instance);
        var callback = DiscordRoute.Create(HttpMethod.Post, "interactions/{interaction_id}/{interaction_token}/callback", "1", "token-1");

        var send = rest.SendWithinAsync(callback, new { type = 5 }, clock.GetUtcNow() + TimeSpan.FromSeconds(3), CancellationToken.None);
        await clock.WaitForTimerAsync(TimeSpan.FromSeconds(1));
        clock.Advance(TimeSpan.FromSeconds(1));

        // The next backoff (2 s) would end when the window does: no timer, no third attempt, a prompt failure.
        await Assert.ThrowsAsync<DiscordRestException>(() => send.WaitAsync(Recorder<int>.Timeout));
        Assert.Equal(2, fake.Requests.Items.Count);
        Assert.DoesNotContain(clock.Timers.Items, t => t == TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task Interaction_CommandOutlastsTheWindow_DeferredInTimeThenOriginalEdited()
    {
        await using var host = await DiscordHost.StartAsync();
        var users = new DiscordUsers();
        await host.Fake.RequestAsync("PUT", "/applications/");

        // Another process holds the database's write lock, so the command waits past Discord's 3 seconds.
        await using var other = new SqliteConnection($"Data Source={host.DatabasePath}");
        await other.OpenAsync();
        await using var writeLock = other.CreateCommand();
        writeLock.CommandText = "BEGIN IMMEDIATE";
        await writeLock.ExecuteNonQueryAsync();
        var budgets = host.Clock.Timers.Items.Count(t => t == _budget);
        var bind = JsonSerializer.SerializeToElement(users.Command(_organiser, "bind", ("target", "Room A")));
        await host.Gateway.DispatchAsync("INTERACTION_CREATE", bind);

        await host.Clock.WaitForTimerAsync(_budget, budgets + 1);
        host.Clock.Advance(_budget);
        var deferral = await host.Fake.Requests.WaitOneAsync(r => r.Path == CallbackPath(bind), "the deferral");
        host.Clock.Advance(TimeSpan.FromSeconds(10));
        writeLock.CommandText = "COMMIT";
        await writeLock.ExecuteNonQueryAsync();

        var edited = await host.Fake.RequestAsync("PATCH", $"/webhooks/{FakeDiscord.ApplicationId}/{Text(bind, "token")}/messages/@original");
        Assert.Equal(5, deferral.Json.GetProperty("type").GetInt32());
        Assert.Equal(204, deferral.Status);
        Assert.Equal(200, edited.Status);
        Assert.Contains("now follows", edited.Json.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Single(host.Fake.Requests.Items, r => r.Path == CallbackPath(bind));
    }

    [Fact]
    public async Task Interaction_AcknowledgementGotThroughButItsAnswerWasLost_RetryTakes40060AsDoneAndAnswers()
    {
        await using var host = await DiscordHost.StartAsync(new Dictionary<string, string> { ["Discord:AcknowledgeWithin"] = "00:00:00" });
        var users = new DiscordUsers();
        await host.Fake.RequestAsync("PUT", "/applications/");
        var lost = 0;
        host.Fake.Responder = r => r.Path.EndsWith("/callback", StringComparison.Ordinal) && Interlocked.Exchange(ref lost, 1) == 0
            ? host.Fake.Answer(r) with { Status = 500 }
            : null;
        var bind = JsonSerializer.SerializeToElement(users.Command(_organiser, "bind", ("target", "Room A")));

        await host.Gateway.DispatchAsync("INTERACTION_CREATE", bind);
        await host.Clock.WaitForTimerAsync(TimeSpan.FromSeconds(1));
        host.Clock.Advance(TimeSpan.FromSeconds(1));

        var edited = await host.Fake.RequestAsync("PATCH", $"/webhooks/{FakeDiscord.ApplicationId}/{Text(bind, "token")}/messages/@original");
        Assert.Equal(200, edited.Status);
        Assert.Equal([500, 400], host.Fake.Requests.Items.Where(r => r.Path == CallbackPath(bind)).Select(r => r.Status));
    }
}
