using GcmBot.Core.Domain;
using Microsoft.Extensions.Time.Testing;

namespace GcmBot.Scheduling.Tests;

/// <summary>The database goes away under a running host and comes back: the host serves again, and every notice goes out once.</summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private const string Sweeper = "GcmBot.Scheduling.NoticeSweeper";
    private const int LoopFailing = 1501;
    private const int LoopRecovered = 1502;

    /// <summary>SchedulingOptions.SweepInterval, and the longest back-off (four intervals).</summary>
    private static readonly TimeSpan _sweep = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan _longestBackoff = TimeSpan.FromSeconds(20);

    private BotHost _host = null!;

    public Task InitializeAsync()
    {
        _host = new BotHost(new FakeTimeProvider(BotHost.DuringActionGroups));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task NoticeSweeper_DatabaseGoneThroughTheDeadline_HostServesAgainAndNoticesFireOnce()
    {
        var feed = await _host.FeedAsync();
        var (moderator, _) = await _host.OpenAg1Async("Mexico");
        var deadline = Messages.Deadline(await _host.Chat.RunAsync(moderator, WebChat.RoomA, "/next"));

        _host.BreakDatabase();
        await _host.AdvanceUntilAsync(_host.Logs.WhenLogged(Sweeper, LoopFailing), _sweep);
        _host.AdvanceTo(deadline + TimeSpan.FromSeconds(1)); // the warning's and the expiry's timers fire, and fail
        _host.AdvanceTo(_host.Now + _longestBackoff);          // and more sweeps fail
        _host.AdvanceTo(_host.Now + _longestBackoff);
        _host.RestoreDatabase();
        await _host.AdvanceUntilAsync(_host.Logs.WhenLogged(Sweeper, LoopRecovered), _longestBackoff);

        await feed.WaitForAsync(Messages.IsWarning);
        await feed.WaitForAsync(Messages.IsExpiry);
        _host.AdvanceTo(_host.Now + TimeSpan.FromMinutes(1));
        await _host.FenceAsync(feed, moderator);
        Assert.Equal(1, feed.Count(Messages.IsWarning));
        Assert.Equal(1, feed.Count(Messages.IsExpiry));
        Assert.All((await _host.NoticesAsync()).Where(n => n.Kind is NoticeKind.TimerWarning or NoticeKind.TimerExpiry), n => Assert.NotNull(n.FiredAt));
        Assert.Equal(1, _host.Logs.Count(Sweeper, LoopFailing)); // once for the outage, not once per sweep
        Assert.Equal(1, _host.Logs.Count(Sweeper, LoopRecovered));
    }
}
