using GcmBot.Core.Drafting;
using GcmBot.Summaries.Cli;
using System.Text.Json;

namespace GcmBot.Summaries.Tests;

/// <summary>The sample session of deploy/sample-draft-input.json, and small inputs built in tests.</summary>
internal static class Samples
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    public static readonly ReportHeader Header = new("Action Group 1: Human dimension", "5 December 2017, 10:45–13:00", "Room A", "Ms. Maij", "Mr. Cabrera");

    public static DraftInput Session()
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "sample-draft-input.json"));
        return DraftCommandLine.Read(JsonSerializer.Deserialize<DraftFile>(json, _json), nameDelegations: false);
    }

    public static SourceContribution Said(string id, string delegation, string text) =>
        new(id, $"Delegate of {delegation}", delegation, text, new DateTimeOffset(2017, 12, 5, 17, 0, 0, TimeSpan.Zero));

    public static SourceCard Card(string id, string delegation, string recommendation, string means = "", string partnerships = "") =>
        new(id, delegation, recommendation, means, partnerships);

    public static DraftInput Input(IEnumerable<SourceContribution> contributions, IEnumerable<SourceCard>? cards = null) =>
        new(Header, [.. contributions], [.. cards ?? []], []);

    public static SummariesOptions Options(Action<SummariesOptions>? change = null)
    {
        var options = new SummariesOptions();
        change?.Invoke(options);
        return options;
    }
}
