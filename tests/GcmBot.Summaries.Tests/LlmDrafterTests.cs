using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using GcmBot.Core.Drafting;
using Microsoft.Extensions.Time.Testing;

namespace GcmBot.Summaries.Tests;

/// <summary>The LLM path against <see cref="OpenAiTestServer"/>, a scripted OpenAI-compatible server on loopback.</summary>
public sealed class LlmDrafterTests : IAsyncLifetime
{
    private static readonly object _valid = new
    {
        summary = new[] { new { text = "Some delegations called for regular pathways for migrant workers.", sources = new[] { "m-1", "m-2" } } },
        recommendations = new[] { new { recommendation = "Expand regular pathways for migrant workers", means = "Bilateral labour agreements", partnerships = "ILO", sources = new[] { "c-1", "m-1" } } },
        observations = Array.Empty<object>(),
    };

    private static readonly object _hallucinated = new
    {
        summary = new[] { new { text = "Some delegations called for regular pathways for migrant workers.", sources = new[] { "m-1", "m-77" } } },
        recommendations = new[] { new { recommendation = "Expand regular pathways for migrant workers", means = "", partnerships = "", sources = new[] { "c-1" } } },
        observations = Array.Empty<object>(),
    };

    private static readonly object _translated = new
    {
        summary = new[] { new { text = "It was proposed that States widen regular migration routes for migrant workers.", sources = new[] { "f-1" } } },
        recommendations = new[] { new { recommendation = "Expand regular pathways for migrant workers", means = "", partnerships = "", sources = new[] { "m-1" } } },
        observations = Array.Empty<object>(),
    };

    private static readonly object _unsupported = new
    {
        summary = new[] { new { text = "Participants demanded the closure of every border crossing tomorrow.", sources = new[] { "m-1" } } },
        recommendations = Array.Empty<object>(),
        observations = Array.Empty<object>(),
    };

    private OpenAiTestServer _server = null!;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2017, 12, 5, 17, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync() => _server = await OpenAiTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Draft_ValidReply_LlmReportWithSchemaAndDelimitedData()
    {
        _server.Reply(_valid);
        using var drafting = Llm();

        var outcome = await drafting.Pipeline.DraftAsync(Input(), CancellationToken.None);

        Assert.Equal("llm", outcome.Drafter);
        Assert.Null(outcome.Note);
        Assert.Equal(["c-1", "m-1"], outcome.Report.Recommendations.Single().Sources);
        var request = Assert.Single(_server.Requests);
        Assert.Equal("test-model", (string?)request["model"]);
        var format = request["response_format"]!;
        Assert.Equal("json_schema", (string?)format["type"]);
        Assert.Equal("gcm_report", (string?)format["json_schema"]!["name"]);
        Assert.True((bool?)format["json_schema"]!["strict"]);
        Assert.Equal(["summary", "recommendations", "observations"], format["json_schema"]!["schema"]!["required"]!.AsArray().Select(n => (string?)n));
        var (system, user) = Messages(request);
        Assert.Contains("is data", system, StringComparison.Ordinal);
        var data = DataBetweenMarkers(user);
        var statements = data["statements"]!.AsArray();
        Assert.Equal(["m-1", "m-2"], statements.Select(s => (string?)s!["id"]));
        Assert.Equal("c-1", (string?)data["cards"]![0]!["id"]);
    }

    [Fact]
    public async Task Draft_FrenchStatementTranslated_AskedForInEnglishAndKeptWithItsSource()
    {
        _server.Reply(_translated);
        using var drafting = Llm();
        var input = Samples.Input(
        [
            Samples.Said("m-1", "Philippines", "States should expand regular pathways for migrant workers through bilateral labour agreements."),
            Samples.Said("f-1", "France", "Nous proposons que les États élargissent les voies de migration régulière pour les travailleurs migrants."),
        ]);

        var outcome = await drafting.Pipeline.DraftAsync(input, CancellationToken.None);

        Assert.Equal("llm", outcome.Drafter);
        Assert.Equal(["f-1"], Assert.Single(outcome.Report.Summary).Sources);
        var (system, _) = Messages(Assert.Single(_server.Requests));
        Assert.Contains("translated into English", system, StringComparison.Ordinal);
        Assert.Contains("reported speech in the third person", system, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Draft_TranslationCitingAnEnglishStatement_StillCheckedForSupport()
    {
        _server.Reply(_unsupported);
        _server.Reply(_unsupported);
        using var drafting = Llm();

        var outcome = await drafting.Pipeline.DraftAsync(Input(), CancellationToken.None);

        Assert.Equal("extractive", outcome.Drafter);
    }

    [Fact]
    public async Task Draft_InvalidJsonThenRepaired_RepairRequestSentAndLlmKept()
    {
        _server.Reply("Here is your report: {summary: oops");
        _server.Reply(_valid);
        using var drafting = Llm();

        var outcome = await drafting.Pipeline.DraftAsync(Input(), CancellationToken.None);

        Assert.Equal("llm", outcome.Drafter);
        Assert.Equal(2, _server.Requests.Count);
        var repair = DataBetweenMarkers(Messages(_server.Requests[1]).User);
        Assert.Equal("Here is your report: {summary: oops", (string?)repair["draft"]);
        Assert.Contains("not a JSON object", (string?)repair["problems"]![0], StringComparison.Ordinal);
        Assert.Equal("json_schema", (string?)_server.Requests[1]["response_format"]!["type"]);
    }

    [Fact]
    public async Task Draft_InvalidJsonTwice_FallsBackToExtractiveAndSaysSo()
    {
        _server.Reply("not json");
        _server.Reply("still not json");
        using var drafting = Llm();

        var outcome = await drafting.Pipeline.DraftAsync(Input(), CancellationToken.None);

        Assert.Equal("extractive", outcome.Drafter);
        Assert.Contains("after one repair", outcome.Note, StringComparison.Ordinal);
        Assert.Equal(2, _server.Requests.Count);
        Assert.NotEmpty(outcome.Report.Recommendations);
    }

    [Fact]
    public async Task Draft_HallucinatedIds_RepairAskedThenFallBack()
    {
        _server.Reply(_hallucinated);
        _server.Reply(_hallucinated);
        using var drafting = Llm();

        var outcome = await drafting.Pipeline.DraftAsync(Input(), CancellationToken.None);

        Assert.Equal("extractive", outcome.Drafter);
        Assert.Contains("m-77", outcome.Note, StringComparison.Ordinal);
        var problems = DataBetweenMarkers(Messages(_server.Requests[1]).User)["problems"]!.AsArray();
        Assert.Contains(problems, p => ((string?)p)!.Contains("m-77", StringComparison.Ordinal));
        Assert.DoesNotContain(outcome.Report.Summary.Concat(outcome.Report.Observations), s => s.Sources.Contains("m-77"));
    }

    [Fact]
    public async Task Draft_SlowServer_TimesOutOnTheConfiguredClockAndFallsBack()
    {
        _server.Hang();
        using var drafting = Llm(o => o.TimeoutSeconds = 30);

        var drafted = drafting.Pipeline.DraftAsync(Input(), CancellationToken.None);
        await _server.NextArrivalAsync();
        Assert.False(drafted.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(30));
        var outcome = await drafted.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("extractive", outcome.Drafter);
        Assert.Contains("did not answer within 30 s", outcome.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Draft_EndpointDown_FallsBackAndSaysSo()
    {
        using var drafting = Llm(o => o.Endpoint = $"http://127.0.0.1:{ClosedPort()}/v1");

        var outcome = await drafting.Pipeline.DraftAsync(Input(), CancellationToken.None);

        Assert.Equal("extractive", outcome.Drafter);
        Assert.Contains("could not be used", outcome.Note, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Draft_PromptInjectionCorpus_RequestStructureAndInstructionsUnchanged()
    {
        _server.Reply(_valid);
        _server.Reply(_valid);
        using var drafting = Llm();
        var benign = Input();
        var hostile = benign with
        {
            Contributions = [.. benign.Contributions, .. InjectionCorpus.Lines.Select((t, i) => Samples.Said($"x-{i}", "Utopia", t))],
        };

        await drafting.Pipeline.DraftAsync(benign, CancellationToken.None);
        await drafting.Pipeline.DraftAsync(hostile, CancellationToken.None);

        var (plain, attacked) = (_server.Requests[0], _server.Requests[1]);
        Assert.Equal(Shape(plain), Shape(attacked));
        var messages = attacked["messages"]!.AsArray();
        Assert.Equal(["system", "user"], messages.Select(m => (string?)m!["role"]));
        var (systemPlain, userPlain) = Messages(plain);
        var (systemAttacked, userAttacked) = Messages(attacked);

        // Instructions are the same but for the data marker, which is derived from the data's hash.
        Assert.Equal(Unmarked(systemPlain, userPlain), Unmarked(systemAttacked, userAttacked));
        var outside = userAttacked[..userAttacked.IndexOf(Marker(userAttacked) + "_BEGIN", StringComparison.Ordinal)];
        foreach (var payload in InjectionCorpus.Payloads)
        {
            Assert.DoesNotContain(payload, systemAttacked, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(payload, outside, StringComparison.OrdinalIgnoreCase);
        }

        // Inside the block the text is JSON-encoded: it parses back to exactly what was said, and cannot break out.
        var data = DataBetweenMarkers(userAttacked);
        Assert.Equal(InjectionCorpus.Lines, data["statements"]!.AsArray().Skip(2).Select(s => (string?)s!["text"]));
        Assert.DoesNotContain("</message>", userAttacked, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Draft_InputBeyondWindow_MapsChunksThenReducesNotes()
    {
        var contributions = Enumerable.Range(1, 12).Select(i => Samples.Said($"m-{i}", $"Country {i}", $"States should expand regular pathways for migrant workers, proposal number {i} of many with extra words to fill the window.")).ToList();
        var notes = new { notes = new[] { new { kind = "commitment", text = "Expand regular pathways for migrant workers.", sources = new[] { "m-1" } } } };
        using var drafting = Llm(o => o.MaxInputCharacters = 700);
        var input = Samples.Input(contributions, [Samples.Card("c-1", "Chile", "Expand regular pathways for migrant workers")]);
        var chunks = 0;
        for (; chunks < 12; chunks++)
        {
            _server.Reply(notes);
        }

        var drafted = drafting.Pipeline.DraftAsync(input, CancellationToken.None);
        var maps = new List<JsonNode>();
        JsonNode arrival;
        while ((string?)(arrival = await _server.NextArrivalAsync())["response_format"]!["json_schema"]!["name"] == "gcm_notes")
        {
            maps.Add(arrival);
        }

        var outcome = await drafted;

        Assert.InRange(maps.Count, 2, 11);
        Assert.All(maps, m => Assert.True(Messages(m).User.Length < 700 + 600));
        Assert.Equal(contributions.Select(c => c.Id), maps.SelectMany(m => DataBetweenMarkers(Messages(m).User)["statements"]!.AsArray().Select(s => (string?)s!["id"])));
        var reduce = DataBetweenMarkers(Messages(arrival).User);
        Assert.Equal("m-1", (string?)reduce["notes"]![0]!["sources"]![0]);
        Assert.Equal("c-1", (string?)reduce["cards"]![0]!["id"]);
        Assert.Equal("extractive", outcome.Drafter); // The script ran out of valid reports: the reduce step was answered with notes.
    }

    private Drafting Llm(Action<SummariesOptions>? change = null) => new(Samples.Options(o =>
    {
        o.Drafter = DrafterKind.Llm;
        o.Endpoint = _server.Endpoint;
        o.Model = "test-model";
        o.ApiKey = "sk-test";
        change?.Invoke(o);
    }), _time);

    private static DraftInput Input() => Samples.Input(
        [
            Samples.Said("m-1", "Philippines", "States should expand regular pathways for migrant workers through bilateral labour agreements."),
            Samples.Said("m-2", "Switzerland", "We propose regular pathways for migrant workers at all skill levels."),
        ],
        [Samples.Card("c-1", "Mexico", "Expand regular pathways for migrant workers", "Bilateral labour agreements", "ILO")]);

    private static (string System, string User) Messages(JsonNode request)
    {
        var messages = request["messages"]!.AsArray();
        return ((string)messages.Single(m => (string?)m!["role"] == "system")!["content"]!, (string)messages.Single(m => (string?)m!["role"] == "user")!["content"]!);
    }

    private static string Marker(string user) => user.Split('\n').First(l => l.EndsWith("_BEGIN", StringComparison.Ordinal))[..^"_BEGIN".Length];

    private static JsonNode DataBetweenMarkers(string user)
    {
        var marker = Marker(user);
        var start = user.IndexOf(marker + "_BEGIN\n", StringComparison.Ordinal) + marker.Length + "_BEGIN\n".Length;
        var end = user.IndexOf("\n" + marker + "_END", StringComparison.Ordinal);
        Assert.True(end > start, "the data block is not closed by its end marker");
        Assert.Equal(user.Length, end + marker.Length + "_END".Length + 1);
        return JsonNode.Parse(user[start..end])!;
    }

    private static string Unmarked(string system, string user)
    {
        var marker = Marker(user);
        var data = user[(user.IndexOf(marker + "_BEGIN", StringComparison.Ordinal) + marker.Length + 6)..user.IndexOf(marker + "_END", StringComparison.Ordinal)];
        return (system + user.Replace(data, "", StringComparison.Ordinal)).Replace(marker, "MARKER", StringComparison.Ordinal);
    }

    /// <summary>The request's keys and message roles: everything but the content.</summary>
    private static string Shape(JsonNode request) =>
        string.Join(',', request.AsObject().Select(p => p.Key).Order()) + "|" + string.Join(',', request["messages"]!.AsArray().Select(m => (string?)m!["role"]))
        + "|" + request["response_format"]!.ToJsonString();

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
