namespace GcmBot.Benchmarks;

/// <summary>One request: latency from its scheduled send time, so a stalled server cannot hide its queue.</summary>
/// <param name="LateMs">How late the generator started sending it: part of <paramref name="LatencyMs"/>, and not the server's doing.</param>
internal sealed record Sample(string Command, double LatencyMs, double LateMs, bool HttpError, bool Refused);
