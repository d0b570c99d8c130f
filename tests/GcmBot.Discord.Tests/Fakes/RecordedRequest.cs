using System.Text.Json;

namespace GcmBot.Discord.Tests.Fakes;

/// <summary>A REST request as the fake Discord received it; <see cref="Body"/> is the JSON (payload_json for multipart).</summary>
public sealed record RecordedRequest(
    int Number,
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Headers,
    string? Body,
    IReadOnlyList<string> FileNames,
    DateTimeOffset ReceivedAt)
{
    /// <summary>The status the fake answered with.</summary>
    public int Status { get; init; }

    public JsonElement Json => JsonDocument.Parse(Body ?? "null").RootElement;

    public override string ToString() => $"#{Number} {Method} {Path} → {Status} {(Body is { Length: > 200 } ? Body[..200] + "…" : Body)}";
}
