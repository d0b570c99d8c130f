using Microsoft.Extensions.Time.Testing;

namespace GcmBot.Discord.Tests.Fakes;

/// <summary>
/// A fake clock that also records the timers the code under test creates, so a test can wait until the
/// code is waiting (e.g. for a rate-limit reset) before moving time on — and so prove it did not send early.
/// </summary>
public sealed class WatchedClock : FakeTimeProvider
{
    public WatchedClock(DateTimeOffset start)
        : base(start)
    {
    }

    public Recorder<TimeSpan> Timers { get; } = new();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            Timers.Add(dueTime);
        }

        return timer;
    }

    /// <summary>Waits until <paramref name="count"/> timers of <paramref name="due"/> have been created.</summary>
    public Task WaitForTimerAsync(TimeSpan due, int count = 1) =>
        Timers.WaitAsync(t => Math.Abs((t - due).TotalMilliseconds) < 1, count, $"a timer of {due.TotalMilliseconds} ms");
}
