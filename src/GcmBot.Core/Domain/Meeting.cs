namespace GcmBot.Core.Domain;

public sealed class Meeting
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public required string Venue { get; set; }

    /// <summary>IANA time zone of the venue; every agenda time is shown in it.</summary>
    public required string TimeZoneId { get; set; }

    /// <summary>The language code (<c>fr</c>, <c>es</c>…) of people and rooms without one of their own; null: English.</summary>
    public string? DefaultLanguage { get; set; }

    public DateTimeOffset LoadedAt { get; set; }

    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone);
}
