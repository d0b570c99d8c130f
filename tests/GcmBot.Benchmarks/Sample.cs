namespace GcmBot.Benchmarks;

/// <summary>One request: latency from its scheduled send time, so a stalled server cannot hide its queue.</summary>
internal sealed record Sample(string Command, double LatencyMs, bool HttpError, bool Refused);
