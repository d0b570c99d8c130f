namespace GcmBot.Host;

/// <summary>The system clock shifted by a fixed offset (see <see cref="ClockOptions.Now"/>).</summary>
internal sealed class RehearsalTimeProvider : TimeProvider
{
    private readonly TimeSpan _offset;

    public RehearsalTimeProvider(DateTimeOffset now)
    {
        _offset = now - System.GetUtcNow();
    }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;
}
