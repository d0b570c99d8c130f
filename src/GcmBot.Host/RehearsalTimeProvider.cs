namespace GcmBot.Host;

/// <summary>The real clock shifted so that the anchor's start is its rehearsal value (see <see cref="ClockOptions.Now"/>).</summary>
internal sealed class RehearsalTimeProvider : TimeProvider
{
    private readonly TimeProvider _real;
    private readonly TimeSpan _offset;

    public RehearsalTimeProvider(RehearsalAnchor anchor, TimeProvider real)
    {
        _real = real;
        _offset = anchor.Now - anchor.StartedAt;
    }

    public override DateTimeOffset GetUtcNow() => _real.GetUtcNow() + _offset;
}
