using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GcmBot.Storage;

/// <summary>
/// Stores instants in UTC at microsecond precision, PostgreSQL's resolution, so that both providers
/// keep exactly the same value and a venue-local offset can never reach timestamptz.
/// </summary>
internal static class InstantConverter
{
    public static DateTimeOffset ToStored(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerMicrosecond), TimeSpan.Zero);

    /// <summary>PostgreSQL: timestamptz, UTC, microseconds.</summary>
    public sealed class Utc : ValueConverter<DateTimeOffset, DateTimeOffset>
    {
        public Utc()
            : base(v => ToStored(v), v => v)
        {
        }
    }

    /// <summary>SQLite has no date type: UTC ticks keep instants comparable and sortable in SQL.</summary>
    public sealed class UtcTicks : ValueConverter<DateTimeOffset, long>
    {
        public UtcTicks()
            : base(v => ToStored(v).UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero))
        {
        }
    }
}
