using GcmBot.Core.Domain;

namespace GcmBot.Core.Capture;

/// <summary>What became of a chat message.</summary>
/// <param name="Contribution">The captured contribution, if it was one.</param>
/// <param name="NotRecorded">A word for its author when it was not recorded (a command without its slash, no session open); null when there is nothing to say.</param>
public sealed record CaptureResult(Contribution? Contribution, string? NotRecorded)
{
    public static readonly CaptureResult Nothing = new(null, null);
}
