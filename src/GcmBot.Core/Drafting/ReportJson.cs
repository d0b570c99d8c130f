using System.Text.Json;

namespace GcmBot.Core.Drafting;

/// <summary>How a report is stored with its draft.</summary>
public static class ReportJson
{
    private static readonly JsonSerializerOptions _options = new(JsonSerializerDefaults.Web);

    public static string Serialize(Report report) => JsonSerializer.Serialize(report, _options);

    public static Report Deserialize(string json) =>
        JsonSerializer.Deserialize<Report>(json, _options) ?? throw new JsonException("A stored draft is empty.");
}
