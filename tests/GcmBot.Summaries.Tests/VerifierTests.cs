using GcmBot.Core.Drafting;
using GcmBot.Summaries.Text;
using GcmBot.Summaries.Verification;

namespace GcmBot.Summaries.Tests;

public sealed class VerifierTests : IDisposable
{
    private readonly TextAnalyzer _analyzer = new();
    private readonly DraftInput _input = Samples.Input(
        [Samples.Said("m-1", "Mexico", "States should protect the human rights of all migrants, regardless of status.")],
        [Samples.Card("c-1", "Chile", "Guarantee access to health care for all migrants", "National health systems", "WHO")]);

    [Fact]
    public void Verify_SupportedPoints_NoIssue()
    {
        var report = Report(new ReportSentence("Some delegations stressed the human rights of all migrants, regardless of status.", ["m-1"]), new ReportRecommendation("Guarantee access to health care for all migrants", "National health systems", "WHO", ["c-1"]));

        Assert.Empty(Verify(report));
    }

    [Fact]
    public void Verify_InjectedUnknownId_Caught()
    {
        var report = Report(new ReportSentence("Some delegations stressed the human rights of all migrants.", ["m-1", "m-999"]), new ReportRecommendation("Guarantee access to health care for all migrants", "", "", ["c-1"]));

        var issue = Assert.Single(Verify(report));
        Assert.Equal("summary sentence 1", issue.Point);
        Assert.Contains("m-999", issue.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_UnknownIdOnRecommendation_Caught()
    {
        var report = Report(new ReportSentence("Some delegations stressed the human rights of all migrants.", ["m-1"]), new ReportRecommendation("Guarantee access to health care for all migrants", "", "", ["card-7"]));

        Assert.Equal("recommendation 1", Assert.Single(Verify(report)).Point);
    }

    [Fact]
    public void Verify_SentenceWithoutSource_Caught()
    {
        var report = Report(new ReportSentence("Participants agreed to close all borders.", []), new ReportRecommendation("Guarantee access to health care for all migrants", "", "", ["c-1"]));

        var issue = Assert.Single(Verify(report));
        Assert.Equal("cites no source", issue.Problem);
    }

    [Fact]
    public void Verify_SentenceItsSourcesDoNotSay_Caught()
    {
        var report = Report(new ReportSentence("Participants agreed to build walls along every border and end asylum.", ["m-1"]), new ReportRecommendation("Guarantee access to health care for all migrants", "", "", ["c-1"]));

        Assert.Contains("not supported", Assert.Single(Verify(report)).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_DelegationNamedInSummary_Caught()
    {
        var report = Report(new ReportSentence("Mexico stressed the human rights of all migrants.", ["m-1"]), new ReportRecommendation("Guarantee access to health care for all migrants", "", "", ["c-1"]));

        Assert.Contains("names a delegation", Assert.Single(Verify(report)).Problem, StringComparison.Ordinal);
    }

    private static Report Report(ReportSentence sentence, ReportRecommendation recommendation) =>
        new(Samples.Header, [sentence], [recommendation], []);

    private List<VerificationIssue> Verify(Report report) => new ReportVerifier(_input, _analyzer).Verify(report);

    public void Dispose() => _analyzer.Dispose();
}
