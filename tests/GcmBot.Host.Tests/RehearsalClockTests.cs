using Microsoft.Extensions.Time.Testing;

namespace GcmBot.Host.Tests;

public sealed class RehearsalClockTests : IDisposable
{
    private static readonly DateTimeOffset _rehearsal = new(2017, 12, 5, 16, 40, 0, TimeSpan.Zero);

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"gcmbot-clock-{Guid.NewGuid():N}.json");
    private readonly FakeTimeProvider _real = new(new DateTimeOffset(2026, 12, 1, 22, 0, 0, TimeSpan.Zero));

    private RehearsalTimeProvider Start(DateTimeOffset now) => new(RehearsalAnchor.Resolve(_path, now, _real), _real);

    [Fact]
    public void Resolve_RestartWithSameClockNow_ContinuesWhereItWas()
    {
        Start(_rehearsal);
        _real.Advance(TimeSpan.FromMinutes(7));

        var restarted = Start(_rehearsal);

        Assert.Equal(_rehearsal.AddMinutes(7), restarted.GetUtcNow());
    }

    [Fact]
    public void Resolve_RestartWithAnotherClockNow_StartsFromTheNewValue()
    {
        Start(_rehearsal);
        _real.Advance(TimeSpan.FromMinutes(7));
        var other = _rehearsal.AddHours(5);

        var restarted = Start(other);
        _real.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal(other.AddSeconds(3), restarted.GetUtcNow());
        Assert.Equal(other.AddSeconds(3), Start(other).GetUtcNow());
    }

    [Fact]
    public void Resolve_UnreadableAnchorFile_StartsFromTheValue()
    {
        File.WriteAllText(_path, "not json");

        var clock = Start(_rehearsal);

        Assert.Equal(_rehearsal, clock.GetUtcNow());
    }

    public void Dispose() => File.Delete(_path);
}
