using System.Text.Json;

namespace GcmBot.Host;

/// <summary>
/// The real instant a rehearsal clock value was first started with. Kept in a file so that restarting with the same
/// <c>--Clock:Now</c> continues the rehearsal instead of rewinding it (a speaker's time left must not grow back).
/// </summary>
internal sealed record RehearsalAnchor(DateTimeOffset Now, DateTimeOffset StartedAt)
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    /// <summary>The anchor kept for <paramref name="now"/>, or a new one started at the real time and saved.</summary>
    public static RehearsalAnchor Resolve(string path, DateTimeOffset now, TimeProvider real)
    {
        if (Read(path) is { } kept && kept.Now == now)
        {
            return kept;
        }

        var anchor = new RehearsalAnchor(now, real.GetUtcNow());
        File.WriteAllText(path, JsonSerializer.Serialize(anchor, _json));
        return anchor;
    }

    private static RehearsalAnchor? Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<RehearsalAnchor>(File.ReadAllText(path), _json);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or JsonException)
        {
            // No anchor yet, or an unreadable one: the rehearsal starts from its value.
            return null;
        }
    }
}
