namespace GcmBot.Benchmarks;

/// <summary>One chat message or list command: its answer's latency from the scheduled send time.</summary>
/// <param name="Index">The chat message's number, or the change's.</param>
/// <param name="Ok">Answered 200.</param>
/// <param name="Note">The error, or the second message of a 200 answer (a remark not recorded, a command refused).</param>
internal sealed record RoomSample(int Index, string Text, double AckMs, double LateMs, bool Ok, string? Note);
