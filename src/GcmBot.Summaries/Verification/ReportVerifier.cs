using GcmBot.Core.Drafting;
using GcmBot.Summaries.Extractive;
using GcmBot.Summaries.Text;

namespace GcmBot.Summaries.Verification;

/// <summary>
/// Checks that every point of a draft rests on what was said or written: it cites sources, the sources
/// exist in the input, and its content words are found in its sources in the same language (after the Lucene
/// analyser of that language: stop words, stemming, Chinese word segmentation, Arabic normalisation). It also
/// catches delegation names in the summary when they must not be written.
/// </summary>
internal sealed class ReportVerifier
{
    /// <summary>Share of a point's content terms that must appear in its sources. Paraphrase is allowed, invention is not.</summary>
    public const double MinimumSupport = 0.5;

    /// <summary>Each source's text, analysed the first time a point cites it: a draft cites a fraction of a long session.</summary>
    private readonly Dictionary<string, string> _sourceText = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _sourceLanguage = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _sourceTerms = new(StringComparer.Ordinal);
    private readonly HashSet<string> _reportingTerms;
    private readonly DelegationRedactor _names;
    private readonly TextAnalyzer _analyzer;

    public ReportVerifier(DraftInput input, TextAnalyzer analyzer)
    {
        _analyzer = analyzer;
        foreach (var c in input.Contributions)
        {
            _sourceText[c.Id] = c.Text;
            _sourceLanguage[c.Id] = LanguageGuess.Of(c.Text);
        }

        foreach (var c in input.Cards)
        {
            _sourceText[c.Id] = $"{c.Recommendation} {c.Means} {c.Partnerships}";
            _sourceLanguage[c.Id] = LanguageGuess.Of(c.Recommendation);
        }

        _reportingTerms = [.. analyzer.Terms(Phrasing.ReportingWords, LanguageGuess.English)];
        _names = new DelegationRedactor(input.Contributions.Select(c => c.Delegation).Concat(input.Cards.Select(c => c.Delegation)), input.NameDelegations);
    }

    public bool Knows(string id) => _sourceText.ContainsKey(id);

    public List<VerificationIssue> Verify(Report report)
    {
        var issues = new List<VerificationIssue>();
        for (var i = 0; i < report.Summary.Count; i++)
        {
            Check(issues, $"summary sentence {i + 1}", report.Summary[i].Text, report.Summary[i].Sources, namesMatter: true);
        }

        for (var i = 0; i < report.Recommendations.Count; i++)
        {
            var r = report.Recommendations[i];
            Check(issues, $"recommendation {i + 1}", r.Recommendation, r.Sources, namesMatter: false);
        }

        for (var i = 0; i < report.Observations.Count; i++)
        {
            Check(issues, $"observation {i + 1}", report.Observations[i].Text, report.Observations[i].Sources, namesMatter: true);
        }

        return issues;
    }

    private HashSet<string> Terms(string id)
    {
        if (!_sourceTerms.TryGetValue(id, out var terms))
        {
            _sourceTerms[id] = terms = [.. _analyzer.Terms(_sourceText[id], _sourceLanguage[id])];
        }

        return terms;
    }

    private void Check(List<VerificationIssue> issues, string point, string text, IReadOnlyList<string> sources, bool namesMatter)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            issues.Add(new VerificationIssue(point, "is empty"));
            return;
        }

        if (sources is null || sources.Count == 0)
        {
            issues.Add(new VerificationIssue(point, "cites no source"));
            return;
        }

        var unknown = sources.Where(s => !Knows(s)).ToList();
        if (unknown.Count > 0)
        {
            issues.Add(new VerificationIssue(point, $"cites ids that are not in the input: {string.Join(", ", unknown)}"));
            return;
        }

        // A translation shares no stems with its source: a point resting only on sources in other languages
        // than its own is checked for its ids and names, not for its wording.
        var language = LanguageGuess.Of(text);
        var alike = sources.Where(s => _sourceLanguage[s] == language).ToList();
        if (alike.Count == 0)
        {
            CheckNames(issues, point, text, namesMatter);
            return;
        }

        var terms = _analyzer.Terms(text, language).Where(t => !_reportingTerms.Contains(t)).Distinct().ToList();
        var found = terms.Count(t => alike.Any(s => Terms(s).Contains(t)));
        if (terms.Count > 0 && found < MinimumSupport * terms.Count)
        {
            issues.Add(new VerificationIssue(point, $"is not supported by its sources ({found} of {terms.Count} content words found in them)"));
        }

        CheckNames(issues, point, text, namesMatter);
    }

    private void CheckNames(List<VerificationIssue> issues, string point, string text, bool namesMatter)
    {
        if (namesMatter && _names.Names(text))
        {
            issues.Add(new VerificationIssue(point, "names a delegation; the summary says \"some delegations\" or \"participants\" instead"));
        }
    }
}
