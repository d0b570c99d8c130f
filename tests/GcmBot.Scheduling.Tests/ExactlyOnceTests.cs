using GcmBot.Core.Delivery;
using GcmBot.Core.Domain;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GcmBot.Scheduling.Tests;

/// <summary>However many timers, sweeps and backstop jobs race for a notice, it is sent once.</summary>
public sealed class ExactlyOnceTests : IAsyncLifetime
{
    private BotHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = new BotHost(new FakeTimeProvider(BotHost.DuringActionGroups));
        await _host.BindTestConversationAsync("test:room-a", "Room A");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task FireAsync_TwentyConcurrentCallsForOneDueNotice_OneFiresAndDelivers()
    {
        var id = await InsertDueBroadcastAsync("Twenty racers.");
        var notices = _host.Services.GetRequiredService<NoticeService>();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => notices.FireAsync(id, CancellationToken.None))));

        Assert.Equal(1, outcomes.Count(o => o.Outcome == FireOutcome.Fired));
        Assert.Equal(19, outcomes.Count(o => o.Outcome == FireOutcome.Gone));
        Assert.Single(_host.Recording.Sent, s => s.Message.Text == "Twenty racers.");
        Assert.Equal(_host.Now, (await _host.NoticesAsync()).Single(n => n.Id == id).FiredAt);
    }

    [Fact]
    public async Task NoticeJobFireAsync_NoticeWhoseTimerWasNeverArmed_FiresItOnceAndThenItIsGone()
    {
        var id = await InsertDueBroadcastAsync("Backstop.");
        var job = _host.Services.GetRequiredService<NoticeJob>();

        await job.FireAsync(id, CancellationToken.None);
        await job.FireAsync(id, CancellationToken.None);

        Assert.Single(_host.Recording.Sent, s => s.Message.Text == "Backstop.");
        Assert.Equal(_host.Now, (await _host.NoticesAsync()).Single(n => n.Id == id).FiredAt);
        var again = await _host.Services.GetRequiredService<NoticeService>().FireAsync(id, CancellationToken.None);
        Assert.Equal(FireOutcome.Gone, again.Outcome);
    }

    /// <summary>A pending broadcast due a minute ago, written straight to the database: no timer and no job armed for it.</summary>
    private Task<long> InsertDueBroadcastAsync(string text) =>
        _host.Store.ExecuteAsync(async (data, ct) =>
        {
            var notice = new Notice { Kind = NoticeKind.Broadcast, DueAt = _host.Now - TimeSpan.FromMinutes(1), Text = text, CreatedAt = _host.Now - TimeSpan.FromMinutes(5) };
            data.Add(notice);
            await data.FlushAsync(ct);
            return notice.Id;
        }, CancellationToken.None);
}
