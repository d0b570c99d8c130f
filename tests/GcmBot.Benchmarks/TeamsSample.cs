using System.Net;

namespace GcmBot.Benchmarks;

/// <summary>One activity: acknowledgement and reply latency from its scheduled send time (reply null: none arrived).</summary>
internal sealed record TeamsSample(string Command, double AckMs, HttpStatusCode Status, double? ReplyMs);
