using System.Net;
using GcmBot.Core.Domain;
using Microsoft.Extensions.Time.Testing;

namespace GcmBot.Scheduling.Tests;

/// <summary>
/// The database goes away under a running host across a speaking timer's deadline and comes back: the host stays up,
/// commands in between fail politely, then it serves again and every notice goes out once.
/// </summary>
public sealed class DatabaseOutageTests
{
    private const string Sweeper = "GcmBot.Scheduling.NoticeSweeper";
    private const int LoopFailing = 1501;
    private const int LoopRecovered = 1502;

    /// <summary>SchedulingOptions.SweepInterval, and the longest back-off (four intervals).</summary>
    private static readonly TimeSpan _sweep = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan _longestBackoff = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task NoticeSweeper_DatabaseGoneThroughTheDeadline_HostServesAgainAndNoticesFireOnce()
    {
        await using var host = new BotHost(new FakeTimeProvider(BotHost.DuringActionGroups));
        var feed = await host.FeedAsync();
        var (moderator, _) = await host.OpenAg1Async("Mexico");
        var deadline = Messages.Deadline(await host.Chat.RunAsync(moderator, WebChat.RoomA, "/next"));

        host.BreakDatabase();
        await host.AdvanceUntilAsync(host.Logs.WhenLogged(Sweeper, LoopFailing), _sweep);
        host.AdvanceTo(deadline + TimeSpan.FromSeconds(1)); // the warning's and the expiry's timers fire, and fail
        host.AdvanceTo(host.Now + _longestBackoff);          // and more sweeps fail
        host.AdvanceTo(host.Now + _longestBackoff);
        host.RestoreDatabase();
        await host.AdvanceUntilAsync(host.Logs.WhenLogged(Sweeper, LoopRecovered), _longestBackoff);

        await feed.WaitForAsync(Messages.IsWarning);
        await feed.WaitForAsync(Messages.IsExpiry);
        await AssertEachNoticeWentOutOnceAsync(host, feed, moderator);
        Assert.Equal(1, host.Logs.Count(Sweeper, LoopRecovered));
    }

    [Fact]
    public async Task Host_PostgresStoppedThroughTheDeadline_FailsPolitelyThenServesAgainAndNoticesFireOnce()
    {
        // A cluster of the test's own: stopping it leaves the server the other tests share alone.
        await using var cluster = await OwnPostgresCluster.StartAsync();
        await using var host = new BotHost(new FakeTimeProvider(BotHost.DuringActionGroups), postgres: cluster.ConnectionString("gcmbot-outage"));
        using var probe = new HttpClient { BaseAddress = host.BaseAddress };
        var feed = await host.FeedAsync();
        var (moderator, _) = await host.OpenAg1Async("Mexico", "Ecuador");
        var deadline = Messages.Deadline(await host.Chat.RunAsync(moderator, WebChat.RoomA, "/next"));
        Assert.Equal(HttpStatusCode.OK, await ReadyAsync(probe));

        await cluster.StopAsync();
        var refused = await host.Chat.SendAsync(moderator, WebChat.RoomA, "/queue");
        Assert.True(refused.GetProperty("isError").GetBoolean());
        Assert.StartsWith("Sorry, something went wrong on our side and nothing was changed.", Messages.Text(refused), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await ReadyAsync(probe));
        await host.AdvanceUntilAsync(host.Logs.WhenLogged(Sweeper, LoopFailing), _sweep);
        host.AdvanceTo(deadline + TimeSpan.FromSeconds(1)); // the warning's and the expiry's timers fire, and fail
        host.AdvanceTo(host.Now + _longestBackoff);          // and more sweeps fail

        await cluster.StartAgainAsync();
        await host.AdvanceUntilAsync(host.Logs.WhenLogged(Sweeper, LoopRecovered), _longestBackoff);
        await feed.WaitForAsync(Messages.IsWarning);
        await feed.WaitForAsync(Messages.IsExpiry);
        Assert.Equal(HttpStatusCode.OK, await ReadyAsync(probe));
        var queue = await host.Chat.RunAsync(moderator, WebChat.RoomA, "/queue");
        Assert.Contains("Ecuador", queue.ToString(), StringComparison.Ordinal);

        await AssertEachNoticeWentOutOnceAsync(host, feed, moderator);
    }

    /// <summary>A minute later still one warning and one expiry, both claimed, and one failure logged for the whole outage.</summary>
    private static async Task AssertEachNoticeWentOutOnceAsync(BotHost host, RoomFeed feed, string moderator)
    {
        host.AdvanceTo(host.Now + TimeSpan.FromMinutes(1));
        await host.FenceAsync(feed, moderator);
        Assert.Equal(1, feed.Count(Messages.IsWarning));
        Assert.Equal(1, feed.Count(Messages.IsExpiry));
        Assert.All((await host.NoticesAsync()).Where(n => n.Kind is NoticeKind.TimerWarning or NoticeKind.TimerExpiry), n => Assert.NotNull(n.FiredAt));
        Assert.Equal(1, host.Logs.Count(Sweeper, LoopFailing)); // once for the outage, not once per sweep
    }

    private static async Task<HttpStatusCode> ReadyAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        return response.StatusCode;
    }
}
