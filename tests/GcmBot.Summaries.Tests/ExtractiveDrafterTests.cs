using GcmBot.Core.Drafting;
using GcmBot.Core.Localisation;
using GcmBot.Summaries.Text;
using GcmBot.Summaries.Verification;

namespace GcmBot.Summaries.Tests;

public sealed class ExtractiveDrafterTests : IDisposable
{
    private readonly Drafting _drafting = new(Samples.Options());

    [Fact]
    public async Task Draft_SampleSession_FillsEveryPartOfTheTemplate()
    {
        var input = Samples.Session();

        var outcome = await _drafting.Pipeline.DraftAsync(input, CancellationToken.None);

        var report = outcome.Report;
        Assert.Equal("extractive", outcome.Drafter);
        Assert.Null(outcome.Note);
        Assert.Equal(input.Header, report.Header);
        var words = report.Summary.Sum(s => s.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.InRange(words, 140, 220);
        Assert.InRange(report.Recommendations.Count, 5, 12);
        Assert.All(report.Recommendations, r => Assert.NotEmpty(r.Recommendation));
        Assert.NotEmpty(report.Observations);
        Assert.All(report.Summary.Concat(report.Observations), s => Assert.NotEmpty(s.Sources));
        Assert.All(report.Recommendations, r => Assert.NotEmpty(r.Sources));
        using var analyzer = new TextAnalyzer();
        Assert.Empty(new ReportVerifier(input, analyzer).Verify(report));
    }

    [Fact]
    public async Task Draft_Cards_MappedToRecommendationMeansAndPartnerships()
    {
        var report = (await _drafting.Pipeline.DraftAsync(Samples.Session(), CancellationToken.None)).Report;

        var children = Assert.Single(report.Recommendations, r => r.Recommendation == "End the detention of migrant children");
        Assert.Equal("Alternatives to detention; national legislation", children.Means);
        Assert.Equal("UNICEF, civil society", children.Partnerships);
        Assert.Contains("card-4", children.Sources);
    }

    [Fact]
    public async Task Draft_SameInputTwice_SameReport()
    {
        var first = await _drafting.Pipeline.DraftAsync(Samples.Session(), CancellationToken.None);
        using var other = new Drafting(Samples.Options());
        var second = await other.Pipeline.DraftAsync(Samples.Session(), CancellationToken.None);

        Assert.Equal(ReportJson.Serialize(first.Report), ReportJson.Serialize(second.Report));
        Assert.Equal(_drafting.Pipeline.ToMarkdown(first.Report, Language.English), other.Pipeline.ToMarkdown(second.Report, Language.English));
    }

    [Fact]
    public async Task Draft_Summary_NamesNoDelegationButKeepsThemAsSources()
    {
        var input = Samples.Session();

        var report = (await _drafting.Pipeline.DraftAsync(input, CancellationToken.None)).Report;

        var delegations = input.Contributions.Select(c => c.Delegation).Distinct().ToList();
        foreach (var sentence in report.Summary.Concat(report.Observations))
        {
            Assert.DoesNotContain(delegations, d => sentence.Text.Contains(d, StringComparison.OrdinalIgnoreCase));
        }

        Assert.Contains(report.Summary, s => s.Text.StartsWith("Two delegations", StringComparison.Ordinal) || s.Text.StartsWith("Several delegations", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Draft_NamesAsked_SummaryMayNameDelegations()
    {
        var input = Samples.Session() with { NameDelegations = true };

        var report = (await _drafting.Pipeline.DraftAsync(input, CancellationToken.None)).Report;

        Assert.Contains(report.Summary, s => input.Contributions.Any(c => s.Text.StartsWith(c.Delegation, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Draft_PromptInjectionCorpus_NeverARecommendationUnlessItIsOne()
    {
        var injections = InjectionCorpus.Lines.Select((text, i) => Samples.Said($"x-{i}", "Utopia", text));
        var input = Samples.Input(
            [Samples.Said("m-1", "Mexico", "States should expand regular pathways for migrant workers through bilateral labour agreements."), .. injections],
            [Samples.Card("c-1", "Chile", "Guarantee access to consular services for all migrants")]);

        var report = (await _drafting.Pipeline.DraftAsync(input, CancellationToken.None)).Report;

        var everything = string.Join('\n', report.Recommendations.Select(r => $"{r.Recommendation} {r.Means} {r.Partnerships}")
            .Concat(report.Summary.Select(s => s.Text)).Concat(report.Observations.Select(o => o.Text)));
        foreach (var marker in InjectionCorpus.Payloads)
        {
            Assert.DoesNotContain(marker, everything, StringComparison.OrdinalIgnoreCase);
        }

        // The genuine proposal hidden behind an injection is still reported, citing its statement.
        Assert.Contains(report.Recommendations, r => r.Recommendation.Contains("interpretation services", StringComparison.Ordinal) && r.Sources.Contains($"x-{InjectionCorpus.GenuineIndex}"));
        Assert.Contains(report.Recommendations, r => r.Sources.Contains("m-1"));
        Assert.Contains(report.Recommendations, r => r.Sources.Contains("c-1"));
    }

    public void Dispose() => _drafting.Dispose();
}
