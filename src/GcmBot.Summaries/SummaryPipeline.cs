using GcmBot.Core.Drafting;
using GcmBot.Core.Localisation;
using GcmBot.Summaries.Extractive;
using GcmBot.Summaries.Llm;
using GcmBot.Summaries.Rendering;
using GcmBot.Summaries.Text;
using GcmBot.Summaries.Verification;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GcmBot.Summaries;

/// <summary>
/// Collect → normalise → cluster → draft → verify → render. The configured drafter writes; the
/// verifier checks every point's sources; a model that fails is replaced by the extractive drafter,
/// and the outcome says so.
/// </summary>
internal sealed partial class SummaryPipeline : IReportDrafter
{
    public const string ExtractiveName = "extractive";
    public const string LlmName = "llm";

    private readonly SummariesOptions _options;
    private readonly ExtractiveDrafter _extractive;
    private readonly LlmDrafter _llm;
    private readonly ILogger<SummaryPipeline> _logger;

    public SummaryPipeline(IOptions<SummariesOptions> options, ExtractiveDrafter extractive, LlmDrafter llm, ILogger<SummaryPipeline> logger)
    {
        _options = options.Value;
        _extractive = extractive;
        _llm = llm;
        _logger = logger;
    }

    public Task<DraftOutcome> DraftAsync(DraftInput input, CancellationToken cancellationToken) =>
        DraftAsync(input, _options.Drafter, cancellationToken);

    public async Task<DraftOutcome> DraftAsync(DraftInput input, DrafterKind drafter, CancellationToken cancellationToken)
    {
        var normalised = Normaliser.Normalise(input);
        using var analyzer = new TextAnalyzer();
        var verifier = new ReportVerifier(normalised, analyzer);
        if (drafter == DrafterKind.Llm)
        {
            var attempt = await _llm.DraftAsync(normalised, verifier, cancellationToken);
            if (attempt.Report is not null)
            {
                return new DraftOutcome(attempt.Report, LlmName);
            }

            return new DraftOutcome(Extractive(normalised, verifier, analyzer), ExtractiveName,
                $"The model's draft could not be used ({attempt.Failure}), so this is the extractive draft.");
        }

        return new DraftOutcome(Extractive(normalised, verifier, analyzer), ExtractiveName);
    }

    public string ToMarkdown(Report report, Language language) => MarkdownReport.Render(report, ReportLabels.For(language));

    public byte[] ToDocx(Report report, Language language) => DocxReport.Render(report, ReportLabels.For(language));

    public Report FromMarkdown(string markdown, Report basis, Language language) => MarkdownReport.Parse(markdown, basis, ReportLabels.For(language));

    /// <summary>The extractive draft, less any point the verifier rejects (it quotes its sources, so none should be).</summary>
    private Report Extractive(DraftInput input, ReportVerifier verifier, TextAnalyzer analyzer)
    {
        var report = _extractive.Draft(input, analyzer);
        var issues = verifier.Verify(report);
        if (issues.Count == 0)
        {
            return report;
        }

        foreach (var issue in issues)
        {
            LogDropped(_logger, issue.ToString());
        }

        return report with
        {
            Summary = [.. report.Summary.Where(s => verifier.Verify(report with { Summary = [s], Recommendations = [], Observations = [] }).Count == 0)],
            Recommendations = [.. report.Recommendations.Where(r => verifier.Verify(report with { Summary = [], Recommendations = [r], Observations = [] }).Count == 0)],
            Observations = [.. report.Observations.Where(o => verifier.Verify(report with { Summary = [], Recommendations = [], Observations = [o] }).Count == 0)],
        };
    }

    [LoggerMessage(EventId = 4010, Level = LogLevel.Warning, Message = "An extractive point failed verification and was left out: {Issue}")]
    private static partial void LogDropped(ILogger logger, string issue);
}
