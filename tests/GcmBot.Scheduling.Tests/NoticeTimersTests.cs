using GcmBot.Core.Domain;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GcmBot.Scheduling.Tests;

/// <summary>The in-process timers' bookkeeping: a notice's timer is forgotten once it fired, and re-armed when it fired early.</summary>
public sealed class NoticeTimersTests : IAsyncLifetime
{
    private BotHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = new BotHost(new FakeTimeProvider(BotHost.DuringActionGroups));
        await _host.BindTestConversationAsync("test:room-a", "Room A");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ArmLocal_NoticeAlreadyDue_FiresAndForgetsItsTimer()
    {
        var timers = _host.Services.GetRequiredService<NoticeTimers>();
        var before = timers.Armed;
        // Listening before the notice exists: a sweep may fire an overdue notice as soon as it is stored.
        var feed = await _host.FeedAsync();
        var id = await InsertBroadcastAsync("Overdue.", _host.Now - TimeSpan.FromSeconds(5));

        // As the start-up sweep does after a restart for a notice that fell due while the host was down.
        timers.ArmLocal(id, _host.Now - TimeSpan.FromSeconds(5));

        await feed.WaitForAsync(m => Messages.Text(m) == "Overdue.");
        Assert.Single(_host.Recording.Sent, s => s.Message.Text == "Overdue.");

        // A fired timer left in the table would make every later sweep skip the notice ("already armed").
        Assert.Equal(before, timers.Armed);
    }

    [Fact]
    public async Task ArmLocal_TimerFiresBeforeTheNoticeIsDue_ReArmsAndFiresAtTheDueTime()
    {
        var timers = _host.Services.GetRequiredService<NoticeTimers>();
        var dueAt = _host.Now + TimeSpan.FromMinutes(1);
        var feed = await _host.FeedAsync();
        var id = await InsertBroadcastAsync("Early bird.", dueAt);

        // A timer going off early (a real timer's due time is rounded down to whole milliseconds): the service answers Early.
        timers.ArmLocal(id, _host.Now);

        _host.AdvanceTo(dueAt);
        var message = await feed.WaitForAsync(m => Messages.Text(m) == "Early bird.");
        Assert.Equal(dueAt, Messages.At(message));
        Assert.Equal(dueAt, (await _host.NoticesAsync()).Single(n => n.Id == id).FiredAt);
    }

    private Task<long> InsertBroadcastAsync(string text, DateTimeOffset dueAt) =>
        _host.Store.ExecuteAsync(async (data, ct) =>
        {
            var notice = new Notice { Kind = NoticeKind.Broadcast, DueAt = dueAt, Text = text, CreatedAt = _host.Now };
            data.Add(notice);
            await data.FlushAsync(ct);
            return notice.Id;
        }, CancellationToken.None);
}
