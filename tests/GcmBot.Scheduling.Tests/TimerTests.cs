using GcmBot.Core.Domain;
using Microsoft.Extensions.Time.Testing;

namespace GcmBot.Scheduling.Tests;

/// <summary>
/// The speaking timer driven through the web chat's commands, with a fake clock: warnings and expiries
/// go out through the in-process timers (Hangfire.InMemory is only the backstop, far in real time).
/// </summary>
public sealed class TimerTests : IAsyncLifetime
{
    private static readonly TimeSpan _oneTick = TimeSpan.FromMilliseconds(1);

    private BotHost _host = null!;
    private RoomFeed _feed = null!;

    public async Task InitializeAsync()
    {
        _host = new BotHost(new FakeTimeProvider(BotHost.DuringActionGroups));
        _feed = await _host.FeedAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Next_TwoMinuteStatement_WarnsAndExpiresOnceWhenTheClockPassesThem()
    {
        var (moderator, _) = await _host.OpenAg1Async("Mexico");
        var started = _host.Now;

        var reply = await _host.Chat.RunAsync(moderator, WebChat.RoomA, "/next");

        var deadline = Messages.Deadline(reply);
        Assert.Equal(started + TimeSpan.FromMinutes(2), deadline);

        // One tick before the warning: nothing yet.
        _host.AdvanceTo(deadline - TimeSpan.FromSeconds(30) - _oneTick);
        await _host.FenceAsync(_feed, moderator);
        Assert.Equal(0, _feed.Count(Messages.IsWarning));

        _host.AdvanceTo(deadline - TimeSpan.FromSeconds(30));
        var warning = await _feed.WaitForAsync(Messages.IsWarning);
        Assert.Equal(deadline - TimeSpan.FromSeconds(30), Messages.At(warning));
        Assert.Contains("**Mexico**", Messages.Text(warning), StringComparison.Ordinal);

        _host.AdvanceTo(deadline - _oneTick);
        await _host.FenceAsync(_feed, moderator);
        Assert.Equal(0, _feed.Count(Messages.IsExpiry));

        _host.AdvanceTo(deadline);
        var expiry = await _feed.WaitForAsync(Messages.IsExpiry);
        Assert.Equal(deadline, Messages.At(expiry));

        _host.AdvanceTo(deadline + TimeSpan.FromMinutes(5));
        await _host.FenceAsync(_feed, moderator);
        Assert.Equal(1, _feed.Count(Messages.IsWarning));
        Assert.Equal(1, _feed.Count(Messages.IsExpiry));
        var notices = (await _host.NoticesAsync()).Where(n => n.InterventionId is not null).ToList();
        Assert.Equal([NoticeKind.TimerWarning, NoticeKind.TimerExpiry], notices.Select(n => n.Kind));
        Assert.All(notices, n => Assert.Equal(n.DueAt, n.FiredAt));
        Assert.Equal(TimerState.Expired, (await _host.InterventionAsync(await _host.CurrentInterventionIdAsync())).TimerState);
    }

    [Fact]
    public async Task Next_FlexOn_AllotsThreeMinutes()
    {
        var (moderator, _) = await _host.OpenAg1Async("Mexico");
        await _host.Chat.RunAsync(moderator, WebChat.RoomA, "/flex on");

        var reply = await _host.Chat.RunAsync(moderator, WebChat.RoomA, "/next");

        Assert.Equal(_host.Now + TimeSpan.FromMinutes(3), Messages.Deadline(reply));
        await ExpiresOnceAtAsync(Messages.Deadline(reply), moderator);
    }

    [Fact]
    public async Task Next_DelegationWithAllowance_AllotsIt()
    {
        var (moderator, _) = await _host.OpenAg1Async("Mexico");
        await _host.Chat.RunAsync(moderator, WebChat.RoomA, "/allowance Mexico 4m");

        var reply = await _host.Chat.RunAsync(moderator, WebChat.RoomA, "/next");

        Assert.Equal(_host.Now + TimeSpan.FromMinutes(4), Messages.Deadline(reply));
        await ExpiresOnceAtAsync(Messages.Deadline(reply), moderator);
    }

    [Theory]
    [InlineData("/floor opening", 5)]
    [InlineData("/floor closing", 1)]
    [InlineData("/floor panellist Director General of IOM", 5)]
    public async Task Floor_Role_StartsTheTimerWithItsTime(string command, int minutes)
    {
        var (moderator, _) = await _host.OpenAg1Async();

        var reply = await _host.Chat.RunAsync(moderator, WebChat.RoomA, command);

        Assert.Equal(_host.Now + TimeSpan.FromMinutes(minutes), Messages.Deadline(reply));
        await ExpiresOnceAtAsync(Messages.Deadline(reply), moderator);
    }

    [Fact]
    public async Task TimerPause_ThenFiveMinutes_NothingFiresAndResumeKeepsTheRemainingTime()
    {
        var (moderator, _) = await _host.OpenAg1Async("Mexico");
        var started = _host.Now;
        await _host.Chat.RunAsync(moderator, WebChat.RoomA, "/next");
        _host.AdvanceTo(started + TimeSpan.FromSeconds(30));

        var paused = await _host.Chat.RunAsync(moderator, WebChat.RoomA, "/timer pause");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, paused.GetProperty("deadline").ValueKind);
        _host.AdvanceTo(started + TimeSpan.FromSeconds(30) + TimeSpan.FromMinutes(5));
        await _host.FenceAsync(_feed, moderator);
        Assert.Equal(0, _feed.Count(m => Messages.IsWarning(m) || Messages.IsExpiry(m)));

        var resumedAt = _host.Now;
        var resumed = await _host.Chat.RunAsync(moderator, WebChat.RoomA, "/timer resume");
        var deadline = Messages.Deadline(resumed);
        Assert.Equal(resumedAt + TimeSpan.FromSeconds(90), deadline);

        _host.AdvanceTo(deadline - TimeSpan.FromSeconds(30));
        Assert.Equal(deadline - TimeSpan.FromSeconds(30), Messages.At(await _feed.WaitForAsync(Messages.IsWarning)));
        await ExpiresOnceAtAsync(deadline, moderator);
        Assert.Equal(1, _feed.Count(Messages.IsWarning));

        // The recorded duration leaves the pause out: 30 s before it, 90 s after, 3 min past the expiry.
        var id = await _host.CurrentInterventionIdAsync();
        var stoppedAt = _host.Now;
        var stopped = await _host.Chat.RunAsync(moderator, WebChat.RoomA, "/timer stop");
        var intervention = await _host.InterventionAsync(id);
        Assert.Equal(stoppedAt, intervention.EndedAt);
        Assert.Equal(300, intervention.PausedTotalSeconds);
        Assert.Equal(TimeSpan.FromMinutes(5), intervention.Actual);
        Assert.Contains("Mexico spoke for 5 min of 2 min.", Messages.Text(stopped), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TimerExtend_WhileRunning_MovesTheExpiryAndTheOldOneNeverFires()
    {
        var (moderator, _) = await _host.OpenAg1Async("Mexico");
        var started = _host.Now;
        await _host.Chat.RunAsync(moderator, WebChat.RoomA, "/next");
        _host.AdvanceTo(started + TimeSpan.FromMinutes(1));

        var extended = await _host.Chat.RunAsync(moderator, WebChat.RoomA, "/timer extend 1m");

        var deadline = Messages.Deadline(extended);
        Assert.Equal(started + TimeSpan.FromMinutes(3), deadline);

        // Past the old warning and the old expiry: silence.
        _host.AdvanceTo(started + TimeSpan.FromMinutes(2));
        await _host.FenceAsync(_feed, moderator);
        Assert.Equal(0, _feed.Count(m => Messages.IsWarning(m) || Messages.IsExpiry(m)));

        _host.AdvanceTo(deadline - TimeSpan.FromSeconds(30));
        Assert.Equal(deadline - TimeSpan.FromSeconds(30), Messages.At(await _feed.WaitForAsync(Messages.IsWarning)));
        await ExpiresOnceAtAsync(deadline, moderator);
        Assert.Equal(1, _feed.Count(Messages.IsWarning));
        var notices = (await _host.NoticesAsync()).Where(n => n.InterventionId is not null).ToList();
        Assert.Equal(2, notices.Count(n => n.CancelledAt == started + TimeSpan.FromMinutes(1) && n.FiredAt is null));
        Assert.Equal(2, notices.Count(n => n.FiredAt is not null));
    }

    [Fact]
    public async Task TimerExtend_WhilePaused_AddsToTheRemainingTime()
    {
        var (moderator, _) = await _host.OpenAg1Async("Mexico");
        var started = _host.Now;
        await _host.Chat.RunAsync(moderator, WebChat.RoomA, "/next");
        _host.AdvanceTo(started + TimeSpan.FromSeconds(30));
        await _host.Chat.RunAsync(moderator, WebChat.RoomA, "/timer pause");
        _host.AdvanceTo(started + TimeSpan.FromMinutes(1));

        var extended = await _host.Chat.RunAsync(moderator, WebChat.RoomA, "/timer extend 1m");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, extended.GetProperty("deadline").ValueKind);
        _host.AdvanceTo(started + TimeSpan.FromMinutes(4));
        var resumed = await _host.Chat.RunAsync(moderator, WebChat.RoomA, "/timer resume");

        var deadline = Messages.Deadline(resumed);
        Assert.Equal(_host.Now + TimeSpan.FromSeconds(150), deadline);
        await ExpiresOnceAtAsync(deadline, moderator);
    }

    [Fact]
    public async Task TimerStart_WhileRunning_RestartsAtTheDurationGivenAndOnlyTheNewDeadlineFires()
    {
        var (moderator, _) = await _host.OpenAg1Async("Mexico");
        var next = await _host.Chat.RunAsync(moderator, WebChat.RoomA, "/next");
        _host.AdvanceTo(_host.Now + TimeSpan.FromSeconds(40));

        var restarted = await _host.Chat.RunAsync(moderator, WebChat.RoomA, "/timer start 3m");

        var deadline = Messages.Deadline(restarted);
        Assert.Equal(_host.Now + TimeSpan.FromMinutes(3), deadline);
        Assert.Contains("Timer restarted", Messages.Text(restarted), StringComparison.Ordinal);

        // The first deadline passes without a word; the warning and expiry follow the new one.
        _host.AdvanceTo(Messages.Deadline(next));
        await _host.FenceAsync(_feed, moderator);
        Assert.Equal(0, _feed.Count(Messages.IsExpiry));
        _host.AdvanceTo(deadline - TimeSpan.FromSeconds(30));
        Assert.Equal(deadline - TimeSpan.FromSeconds(30), Messages.At(await _feed.WaitForAsync(Messages.IsWarning)));
        await ExpiresOnceAtAsync(deadline, moderator);
        var notices = await _host.NoticesAsync();
        Assert.Equal(1, notices.Count(n => n.Kind == NoticeKind.TimerExpiry && n.FiredAt is not null));
        Assert.Equal(180, (await _host.InterventionAsync(await _host.CurrentInterventionIdAsync())).AllottedSeconds);
    }

    [Fact]
    public async Task TimerStop_AfterExpiry_RecordsTheActualDurationAndASecondStopIsRefused()
    {
        var (moderator, _) = await _host.OpenAg1Async("Mexico");
        var started = _host.Now;
        var next = await _host.Chat.RunAsync(moderator, WebChat.RoomA, "/next");
        var id = await _host.CurrentInterventionIdAsync();
        _host.AdvanceTo(Messages.Deadline(next));
        Assert.Equal(Messages.Deadline(next), Messages.At(await _feed.WaitForAsync(Messages.IsExpiry)));
        _host.AdvanceTo(started + TimeSpan.FromSeconds(130));

        var stopped = await _host.Chat.RunAsync(moderator, WebChat.RoomA, "/timer stop");
        var again = await _host.Chat.SendAsync(moderator, WebChat.RoomA, "/timer stop");

        var intervention = await _host.InterventionAsync(id);
        Assert.Equal(started, intervention.StartedAt);
        Assert.Equal(started + TimeSpan.FromSeconds(130), intervention.EndedAt);
        Assert.Equal(TimeSpan.FromSeconds(130), intervention.Actual);
        Assert.Equal(TimerState.Stopped, intervention.TimerState);
        Assert.Contains("Mexico spoke for 2:10 min of 2 min.", Messages.Text(stopped), StringComparison.Ordinal);
        Assert.True(again.GetProperty("isError").GetBoolean());
        Assert.Contains("Nobody has the floor", Messages.Text(again), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Next_WhileATimerRuns_EndsThePreviousInterventionAndItsNoticesNeverFire()
    {
        var (moderator, _) = await _host.OpenAg1Async("Mexico", "Switzerland");
        var started = _host.Now;
        await _host.Chat.RunAsync(moderator, WebChat.RoomA, "/next");
        var mexico = await _host.CurrentInterventionIdAsync();
        _host.AdvanceTo(started + TimeSpan.FromSeconds(20));

        var next = await _host.Chat.RunAsync(moderator, WebChat.RoomA, "/next");

        Assert.Contains("Switzerland", Messages.Text(next), StringComparison.Ordinal);
        var previous = await _host.InterventionAsync(mexico);
        Assert.Equal(started + TimeSpan.FromSeconds(20), previous.EndedAt);
        Assert.Equal(TimeSpan.FromSeconds(20), previous.Actual);
        Assert.Equal(TimerState.Stopped, previous.TimerState);

        // Mexico's warning (1:30) and expiry (2:00) instants pass in silence; Switzerland's (1:50, 2:20) come on time.
        _host.AdvanceTo(started + TimeSpan.FromSeconds(90));
        await _host.FenceAsync(_feed, moderator);
        Assert.Equal(0, _feed.Count(m => Messages.IsWarning(m) || Messages.IsExpiry(m)));
        _host.AdvanceTo(started + TimeSpan.FromSeconds(110));
        var warning = await _feed.WaitForAsync(Messages.IsWarning);
        Assert.Equal(started + TimeSpan.FromSeconds(110), Messages.At(warning));
        Assert.Contains("**Switzerland**", Messages.Text(warning), StringComparison.Ordinal);
        _host.AdvanceTo(started + TimeSpan.FromMinutes(2));
        await _host.FenceAsync(_feed, moderator);
        Assert.Equal(0, _feed.Count(Messages.IsExpiry));
        await ExpiresOnceAtAsync(Messages.Deadline(next), moderator);
        Assert.Equal(0, _feed.Count(m => Messages.IsExpiryFor(m, "Mexico")));
        Assert.Equal(1, _feed.Count(m => Messages.IsExpiryFor(m, "Switzerland")));
        var mexicoNotices = (await _host.NoticesAsync()).Where(n => n.InterventionId == mexico).ToList();
        Assert.Equal(2, mexicoNotices.Count);
        Assert.All(mexicoNotices, n =>
        {
            Assert.Null(n.FiredAt);
            Assert.Equal(started + TimeSpan.FromSeconds(20), n.CancelledAt);
        });
    }

    /// <summary>Nothing one tick before the deadline; the expiry at it; and no second one afterwards.</summary>
    private async Task ExpiresOnceAtAsync(DateTimeOffset deadline, string token)
    {
        var before = _feed.Count(Messages.IsExpiry);
        _host.AdvanceTo(deadline - _oneTick);
        await _host.FenceAsync(_feed, token);
        Assert.Equal(before, _feed.Count(Messages.IsExpiry));

        _host.AdvanceTo(deadline);
        var expiry = await _feed.WaitForAsync(Messages.IsExpiry, before + 1, RoomFeed.Patience);
        Assert.Equal(deadline, Messages.At(expiry));

        _host.AdvanceTo(deadline + TimeSpan.FromMinutes(3));
        await _host.FenceAsync(_feed, token);
        Assert.Equal(before + 1, _feed.Count(Messages.IsExpiry));
    }
}
