namespace GcmBot.Core.Domain;

/// <summary>An inbound platform event already handled; redeliveries are ignored.</summary>
public sealed class ProcessedEvent
{
    public required string Channel { get; set; }
    public required string EventId { get; set; }
    public DateTimeOffset At { get; set; }
}
