using System.Text.RegularExpressions;
using GcmBot.Core.Drafting;
using GcmBot.Summaries.Text;
using Microsoft.Extensions.Options;

namespace GcmBot.Summaries.Extractive;

/// <summary>
/// The embedded drafter: no model, deterministic. Housekeeping, questions and statements in other
/// languages are set aside; the remaining sentences are picked SumBasic-style (the mean frequency of
/// their stemmed terms in the session, a term's weight squared once it is reported, so the next pick
/// says something else), weighted towards the opening of the discussion and towards long statements,
/// and written in reported speech up to about 250 words, sorted by guiding question. Cards and
/// proposals with policy content are clustered into numbered recommendations with their means of
/// implementation and partnerships.
/// </summary>
internal sealed partial class ExtractiveDrafter
{
    /// <summary>Proposals clustered at most, the most frequent first.</summary>
    private const int MaxProposals = 3000;
    private const int MinSentenceWords = 8;
    private const int MaxSentenceWords = 60;
    private const float SupportThreshold = 0.5f;

    /// <summary>Two picks sharing this share of their terms say the same thing.</summary>
    private const double RedundantJaccard = 0.5;

    /// <summary>How much more a sentence at the very start of the discussion weighs than one at the end; it fades over the first twentieth.</summary>
    /// <remarks>Chosen on the dev set with the budget (docs/drafter-quality.md): 2 with 180 words; 3 suited 250.</remarks>
    private const double OpeningWeight = 2;
    private const double OpeningSpan = 0.05;

    /// <summary>A statement this long or longer doubles the weight of its sentences.</summary>
    private const double LongStatementWords = 150;
    private const int MaxSources = 12;

    private readonly SummariesOptions _options;

    public ExtractiveDrafter(IOptions<SummariesOptions> options)
    {
        _options = options.Value;
    }

    /// <param name="input">Input already through <see cref="Normaliser.Normalise"/>.</param>
    /// <param name="analyzer">The draft's analysers, shared with its verifier.</param>
    public Report Draft(DraftInput input, TextAnalyzer analyzer)
    {
        var redactor = new DelegationRedactor(
            input.Contributions.Select(c => c.Delegation).Concat(input.Cards.Select(c => c.Delegation)), input.NameDelegations);
        var units = Units(input, analyzer);
        var sentences = units.Where(u => !u.IsCard).ToList();
        var points = sentences.Where(u => u.IsPoint).ToList();

        var selector = new SumBasic(points, OpeningWeight, OpeningSpan, LongStatementWords, RedundantJaccard);
        var picked = selector.Pick(_options.SummaryWords, int.MaxValue, _ => true);
        var summary = picked.OrderBy(u => u.Question).ThenBy(u => u.Order)
            .Select(u => Sentence(u, sentences, redactor, input.NameDelegations)).ToList();

        // One line per other language, however many there are (they are the only trace of those statements), then the picks.
        var observations = OtherLanguages(input)
            .Concat(selector.Pick(100_000, _options.MaxObservations, u => u.Question != Question.Commitments)
                .OrderBy(u => u.Order)
                .Select(u => Sentence(u, sentences, redactor, input.NameDelegations)))
            .ToList();

        var recommendations = Recommendations(units, sentences, redactor, input.NameDelegations);
        return new Report(input.Header, summary, recommendations, observations);
    }

    private static List<Unit> Units(DraftInput input, TextAnalyzer analyzer)
    {
        var vectoriser = new Vectoriser();
        var units = new List<Unit>();
        foreach (var card in input.Cards)
        {
            units.Add(new Unit
            {
                SourceId = card.Id,
                Delegation = card.Delegation,
                Text = card.Recommendation,
                Question = Question.Commitments,
                Order = units.Count,
                Card = card,
                WordCount = Words(card.Recommendation),
                Language = LanguageGuess.Of(card.Recommendation),
            });
        }

        for (var c = 0; c < input.Contributions.Count; c++)
        {
            var contribution = input.Contributions[c];
            var statementWords = Words(contribution.Text);
            var language = LanguageGuess.Of(contribution.Text);
            var inReportLanguage = language == LanguageGuess.English;
            foreach (var sentence in SentenceSplitter.Split(contribution.Text))
            {
                // Text addressed to a model is neither a point of the discussion nor a proposal.
                if (Normaliser.IsInstructionLike(sentence))
                {
                    continue;
                }

                var reported = ReportedSpeech.Report(sentence);
                var words = Words(reported.Render(null));
                units.Add(new Unit
                {
                    SourceId = contribution.Id,
                    Delegation = contribution.Delegation,
                    Text = sentence,
                    Question = QuestionCues.Classify(sentence),
                    Order = units.Count,
                    Contribution = c,
                    WordCount = words,
                    Reported = reported,
                    StatementWords = statementWords,
                    Language = language,
                    IsPoint = inReportLanguage && words is >= MinSentenceWords and <= MaxSentenceWords
                        && !sentence.EndsWith('?') && !Housekeeping.Is(sentence) && !Addressed().IsMatch(sentence) && !NamesPerson().IsMatch(sentence),
                });
            }
        }

        foreach (var unit in units)
        {
            // Each text in its language's terms (a sentence in its statement's); a card in French or Spanish in English terms
            // where the glossary knows most of its words, so that it joins the English card saying the same.
            var terms = unit.IsCard ? Glossary.Terms(unit.Text, unit.Language, analyzer) : analyzer.Terms(unit.Text, unit.Language);
            unit.TermCount = terms.Count;
            vectoriser.Add(terms);
        }

        var vectors = vectoriser.Vectors();
        for (var i = 0; i < units.Count; i++)
        {
            units[i].Vector = vectors[i];
        }

        return units;
    }

    /// <summary>
    /// Statements in another language than the report's are not quoted inside it: they are grouped and
    /// the observations say so, with their sources, for the rapporteur to translate.
    /// </summary>
    private static IEnumerable<ReportSentence> OtherLanguages(DraftInput input) =>
        input.Contributions
            .Select(c => (c.Id, Language: LanguageGuess.Of(c.Text)))
            .Where(c => c.Language != LanguageGuess.English)
            .GroupBy(c => c.Language)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ReportSentence(
                $"Statements in {g.Key} are not quoted in this summary; see their sources.",
                [.. g.Select(c => c.Id).Take(MaxSources)]));

    /// <summary>A summary sentence in reported speech, citing every source that said the same; several supporters are counted ("Several delegations noted that…").</summary>
    private static ReportSentence Sentence(Unit unit, List<Unit> sentences, DelegationRedactor redactor, bool nameDelegations)
    {
        var supporters = sentences.Where(s => s == unit || (s.SourceId != unit.SourceId && s.Vector.Overlap(unit.Vector) >= SupportThreshold)).ToList();
        var delegations = supporters.Select(s => s.Delegation).Where(d => d.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var who = nameDelegations && delegations.Count > 0
            ? string.Join(", ", delegations.Take(4)) + (delegations.Count > 4 ? " and others" : "")
            : delegations.Count >= 2 ? Phrasing.Who(delegations.Count, hasDelegation: true) : null;
        var sources = supporters.Select(s => s.SourceId).Distinct().Take(MaxSources).ToList();
        return new ReportSentence(redactor.Redact(unit.Reported!.Render(who)), sources);
    }

    /// <summary>
    /// Numbered recommendations: cards first, then proposals made aloud that have policy content (a
    /// proposal addressed to "you" is procedure: "we recommend that you use a headset"). Partners are
    /// often delegations (IOM, ILO) and stay named; the recommendation itself names nobody.
    /// </summary>
    private List<ReportRecommendation> Recommendations(List<Unit> units, List<Unit> sentences, DelegationRedactor redactor, bool nameDelegations)
    {
        var proposals = units.Where(u => u.IsCard)
            .Concat(sentences.Where(u => u.IsPoint && u.Question == Question.Commitments && u.TermCount >= 4)
                .Take(MaxProposals))
            .ToList();
        var clusters = Clustering.Cluster(proposals, (float)_options.ClusterThreshold);
        return [.. clusters
            .OrderByDescending(c => c.Members.Any(m => m.IsCard))
            .ThenByDescending(c => c.Members.Select(m => m.Delegation).Distinct(StringComparer.OrdinalIgnoreCase).Count())
            .ThenBy(c => c.Leader.Order)
            .Take(_options.MaxRecommendations)
            .Select(c => Recommendation(c, sentences, redactor, nameDelegations))];
    }

    private static ReportRecommendation Recommendation(Cluster cluster, List<Unit> sentences, DelegationRedactor redactor, bool nameDelegations)
    {
        var cardUnits = cluster.Members.Where(m => m.IsCard).ToList();
        var sources = cluster.Members.Select(m => m.SourceId).Distinct().ToList();
        if (cardUnits.Count > 0)
        {
            // The same proposal in several languages: the report's wording is the card in its language, all cards are sources.
            var inReportLanguage = cardUnits.Where(c => c.Language == LanguageGuess.English).ToList();
            var cards = (inReportLanguage.Count > 0 ? inReportLanguage : cardUnits).Select(c => c.Card!).ToList();
            return new ReportRecommendation(cards[0].Recommendation, JoinDistinct(cards.Select(c => c.Means)), JoinDistinct(cards.Select(c => c.Partnerships)), sources);
        }

        // A proposal made aloud: its means and partners are what its own words, or its statement's, say they are.
        var statements = cluster.Members.Select(m => m.Contribution).ToHashSet();
        var said = cluster.Members.Concat(sentences.Where(s => statements.Contains(s.Contribution) && s.IsPoint && !cluster.Members.Contains(s))).ToList();
        var means = said.Select(s => Means().Match(s.Text)).FirstOrDefault(m => m.Success)?.Groups["what"].Value.Trim() ?? "";
        var partners = said.Select(s => Partners().Match(s.Text)).FirstOrDefault(m => m.Success)?.Groups["who"].Value.Trim() ?? "";
        var text = cluster.Leader.Reported!.AsRecommendation();
        return new ReportRecommendation(nameDelegations ? text : redactor.Redact(text), means, partners, sources);
    }

    private static string JoinDistinct(IEnumerable<string> parts) =>
        string.Join("; ", parts.Where(p => p.Length > 0).DistinctBy(p => p.Trim().TrimEnd('.').ToLowerInvariant()));

    private static int Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>
    /// Second person: a sentence addressed to the chair, a minister or the room ("we recommend that you use a
    /// headset") cannot be put in reported speech without guessing who "you" is, and is seldom policy.
    /// </summary>
    [GeneratedRegex(@"\b(?:you|your|yours|yourself|yourselves)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Addressed();

    /// <summary>A person named with a title ("Mr. Genuis", "Mme Dupont"): a chair's summary names no one.</summary>
    [GeneratedRegex(@"\b(?:Mr|Mrs|Ms|Miss|Dr|Prof|Hon|Sir|Dame|M|Mme|Mlle|Sr|Sra|Srta|Dra)(?:\.\s*|\s+)\p{Lu}", RegexOptions.CultureInvariant)]
    private static partial Regex NamesPerson();

    /// <summary>Means of implementation, where the text states them: "through…", "by means of…", "with funding from…".</summary>
    [GeneratedRegex(@"\b(?:through|by\s+means\s+of|by\s+(?:establishing|creating|providing|developing|strengthening|using|adopting)|via|with\s+(?:funding|financing|resources)\s+from)\s+(?<what>[^.;!?]{3,200})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Means();

    /// <summary>Partners, where the text states a partnership: "in partnership with…", "together with…".</summary>
    [GeneratedRegex(@"\b(?:in\s+(?:partnership|cooperation|collaboration|coordination)\s+with|together\s+with|jointly\s+with|partnerships?\s+(?:with|between|among)|working\s+(?:closely\s+)?with)\s+(?<who>[^.;!?]{2,200})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Partners();
}
