using System.Text.Json;

namespace GcmBot.Scheduling.Tests;

/// <summary>What the web chat's SignalR messages say.</summary>
internal static class Messages
{
    public static string Title(JsonElement message) =>
        message.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String ? title.GetString()! : "";

    public static string Text(JsonElement message) => message.GetProperty("text").GetString()!;

    public static DateTimeOffset At(JsonElement message) => message.GetProperty("at").GetDateTimeOffset();

    public static DateTimeOffset Deadline(JsonElement reply) => reply.GetProperty("deadline").GetDateTimeOffset();

    /// <summary>An instant as the database keeps it: UTC, microsecond precision.</summary>
    public static DateTimeOffset Stored(DateTimeOffset instant) =>
        new(instant.UtcTicks - (instant.UtcTicks % TimeSpan.TicksPerMicrosecond), TimeSpan.Zero);

    public static bool IsWarning(JsonElement message) => Title(message).EndsWith(": time warning", StringComparison.Ordinal);

    public static bool IsExpiry(JsonElement message) => Title(message).EndsWith(": time is up", StringComparison.Ordinal);

    public static bool IsExpiryFor(JsonElement message, string speaker) => IsExpiry(message) && Text(message).Contains($"**{speaker}**", StringComparison.Ordinal);
}
