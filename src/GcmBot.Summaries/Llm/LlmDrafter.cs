using System.Text.Json;
using GcmBot.Core.Drafting;
using GcmBot.Summaries.Verification;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI.Chat;

namespace GcmBot.Summaries.Llm;

/// <summary>
/// Drafts with a model over any OpenAI-compatible endpoint, through Semantic Kernel prompt functions
/// loaded from <c>prompts/Report</c>, with structured JSON output (<c>response_format: json_schema</c>).
/// Long sessions are condensed chunk by chunk first (map-reduce). A reply that is not valid JSON,
/// cites unknown ids or says what its sources do not is sent back for one repair; whatever still
/// fails, times out or cannot reach the endpoint is reported, and the caller falls back.
/// </summary>
internal sealed partial class LlmDrafter
{
    public const string HttpClientName = "GcmBot.Summaries.Llm";

    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    private readonly SummariesOptions _options;
    private readonly IHttpClientFactory _http;
    private readonly TimeProvider _time;
    private readonly ILogger<LlmDrafter> _logger;
    private readonly Lazy<(Kernel Kernel, KernelPlugin Plugin, string ReportSchema, string NotesSchema)> _kernel;

    public LlmDrafter(IOptions<SummariesOptions> options, IHttpClientFactory http, TimeProvider time, ILogger<LlmDrafter> logger)
    {
        _options = options.Value;
        _http = http;
        _time = time;
        _logger = logger;
        _kernel = new(Build);
    }

    public async Task<LlmAttempt> DraftAsync(DraftInput input, ReportVerifier verifier, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(_options.Endpoint) || string.IsNullOrWhiteSpace(_options.Model))
        {
            return new LlmAttempt(null, "no model is configured (Summaries:Endpoint and Summaries:Model)");
        }

        try
        {
            var data = await MaterialAsync(input, cancellationToken);
            var reply = await AskAsync("Draft", data, input, _kernel.Value.ReportSchema, cancellationToken);
            var (report, problems) = Check(reply, input, verifier);
            if (report is not null)
            {
                return new LlmAttempt(report, null);
            }

            LogRepairing(_logger, problems.Count);
            var repairData = DataBlock.Of(new { Input = Items(input), Draft = reply, Problems = problems });
            var repaired = await AskAsync("Repair", repairData, input, _kernel.Value.ReportSchema, cancellationToken);
            (report, problems) = Check(repaired, input, verifier);
            if (report is not null)
            {
                return new LlmAttempt(report, null);
            }

            return Failed($"its draft still failed the checks after one repair ({string.Join("; ", problems.Take(3))})");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Failed($"the model did not answer within {_options.TimeoutSeconds} s");
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            return Failed($"the model endpoint could not be used: {Describe(failure)}");
        }
    }

    private LlmAttempt Failed(string reason)
    {
        LogFailed(_logger, reason);
        return new LlmAttempt(null, reason);
    }

    /// <summary>What the draft is written from: the statements themselves, or notes condensed from them when they exceed the window.</summary>
    private async Task<(DataBlock Block, string Material)> MaterialAsync(DraftInput input, CancellationToken cancellationToken)
    {
        var whole = DataBlock.Of(Items(input));
        if (whole.Json.Length <= _options.MaxInputCharacters)
        {
            return (whole, "The data holds the statements and the cards, each with its id.");
        }

        var chunks = Chunks(input.Contributions);
        LogMapReduce(_logger, whole.Json.Length, chunks.Count);
        var notes = new List<LlmNote>();
        foreach (var chunk in chunks)
        {
            var reply = await AskAsync("Map", (DataBlock.Of(new { Statements = chunk.Select(Statement) }), ""), input, _kernel.Value.NotesSchema, cancellationToken);
            var parsed = Parse<LlmNotes>(reply) ?? throw new InvalidDataException("the map step's reply was not valid JSON");
            var ids = chunk.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);

            // A note citing nothing from its chunk rests on nothing; the reduce step never sees it.
            notes.AddRange((parsed.Notes ?? []).Where(n => !string.IsNullOrWhiteSpace(n.Text) && n.Sources is { Count: > 0 } && n.Sources.All(ids.Contains)));
        }

        return (DataBlock.Of(new { Notes = notes, Cards = input.Cards.Select(Card) }),
            "The statements were too long for one request and were condensed into notes; cite the ids in each note's sources, never the notes themselves.");
    }

    private List<List<SourceContribution>> Chunks(IReadOnlyList<SourceContribution> contributions)
    {
        var chunks = new List<List<SourceContribution>> { new() };
        var size = 0;
        foreach (var contribution in contributions)
        {
            var length = DataBlock.Of(Statement(contribution)).Json.Length + 1;
            if (size + length > _options.MaxInputCharacters && chunks[^1].Count > 0)
            {
                chunks.Add([]);
                size = 0;
            }

            chunks[^1].Add(contribution);
            size += length;
        }

        return chunks;
    }

    private Task<string> AskAsync(string function, (DataBlock Block, string Material) data, DraftInput input, string schema, CancellationToken cancellationToken) =>
        AskAsync(function, data.Block, input, schema, cancellationToken, data.Material);

    private async Task<string> AskAsync(string function, DataBlock block, DraftInput input, string schema, CancellationToken cancellationToken, string material = "")
    {
        var (kernel, plugin, _, _) = _kernel.Value;
        var settings = new OpenAIPromptExecutionSettings
        {
            Temperature = 0,
            ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat(
                function == "Map" ? "gcm_notes" : "gcm_report", BinaryData.FromString(schema), jsonSchemaIsStrict: true),
        };
        var arguments = new KernelArguments(settings)
        {
            ["session"] = input.Header.ActionGroup,
            ["questions"] = string.Join(" ", input.Questions.Select((q, i) => $"({i + 1}) {q}")),
            ["words"] = _options.SummaryWords.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["naming"] = input.NameDelegations
                ? "Delegations may be named in the text where it helps."
                : "Do not name delegations in the text: write \"one delegation\", \"some delegations\", \"several delegations\" or \"participants\"; their names stay in the sources.",
            ["material"] = material,
            ["marker"] = block.Marker,
            ["data"] = block.Json,
        };

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(_options.TimeoutSeconds), _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var result = await kernel.InvokeAsync(plugin[function], arguments, linked.Token);
        return result.GetValue<string>() ?? "";
    }

    private static (Report? Report, List<string> Problems) Check(string reply, DraftInput input, ReportVerifier verifier)
    {
        var parsed = Parse<LlmReport>(reply);
        if (parsed is null)
        {
            return (null, ["the reply is not a JSON object that follows the schema"]);
        }

        var report = new Report(
            input.Header,
            [.. (parsed.Summary ?? []).Select(s => new ReportSentence(s.Text ?? "", s.Sources ?? []))],
            [.. (parsed.Recommendations ?? []).Select(r => new ReportRecommendation(r.Recommendation ?? "", r.Means ?? "", r.Partnerships ?? "", r.Sources ?? []))],
            [.. (parsed.Observations ?? []).Select(s => new ReportSentence(s.Text ?? "", s.Sources ?? []))]);
        var problems = verifier.Verify(report).Select(i => i.ToString()).ToList();
        if (report.Summary.Count == 0 && report.Recommendations.Count == 0)
        {
            problems.Add("the draft has neither a summary nor recommendations");
        }

        return problems.Count == 0 ? (report, problems) : (null, problems);
    }

    private static T? Parse<T>(string reply)
        where T : class
    {
        var text = reply.Trim();

        // Some servers wrap JSON in a Markdown fence even when asked for a schema.
        if (text.StartsWith("```", StringComparison.Ordinal))
        {
            text = text.Trim('`');
            text = text.StartsWith("json", StringComparison.OrdinalIgnoreCase) ? text[4..] : text;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(text, _json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static object Items(DraftInput input) => new { Statements = input.Contributions.Select(Statement), Cards = input.Cards.Select(Card) };

    private static object Statement(SourceContribution c) => new { c.Id, c.Delegation, c.Text };

    private static object Card(SourceCard c) => new { c.Id, c.Delegation, c.Recommendation, c.Means, c.Partnerships };

    /// <summary>The failure's kind and message, without inner details that could echo a request.</summary>
    private static string Describe(Exception failure) => failure switch
    {
        HttpOperationException { StatusCode: { } status } => $"HTTP {(int)status}",
        HttpOperationException { InnerException: HttpRequestException inner } => inner.Message,
        InvalidDataException => failure.Message,
        _ => failure.GetType().Name,
    };

    private (Kernel, KernelPlugin, string, string) Build()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, _options.PromptsPath);
        var kernel = Kernel.CreateBuilder()
            .AddOpenAIChatCompletion(_options.Model, new Uri(_options.Endpoint!), _options.ApiKey, httpClient: _http.CreateClient(HttpClientName))
            .Build();
        var plugin = kernel.CreatePluginFromPromptDirectory(Path.Combine(folder, "Report"));
        return (kernel, plugin, File.ReadAllText(Path.Combine(folder, "report.schema.json")), File.ReadAllText(Path.Combine(folder, "notes.schema.json")));
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "The model's draft was not used: {Reason}. The extractive drafter stands in.")]
    private static partial void LogFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "The model's draft failed {Count} check(s); asking for one repair")]
    private static partial void LogRepairing(ILogger logger, int count);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "Input of {Characters} characters exceeds the window; map-reduce in {Chunks} chunks")]
    private static partial void LogMapReduce(ILogger logger, int characters, int chunks);
}
