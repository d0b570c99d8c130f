namespace GcmBot.Storage;

/// <summary>
/// The one row the readiness check rewrites (<see cref="MeetingStore.ProbeWritesAsync"/>): a real commit that touches
/// nothing of the meeting, to learn whether writes work now.
/// </summary>
internal sealed class WriteProbe
{
    public int Id { get; set; }

    public long Writes { get; set; }
}
