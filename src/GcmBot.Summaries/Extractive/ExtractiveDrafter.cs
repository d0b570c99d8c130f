using GcmBot.Core.Drafting;
using GcmBot.Summaries.Text;
using Microsoft.Extensions.Options;

namespace GcmBot.Summaries.Extractive;

/// <summary>
/// The embedded drafter: no model, deterministic. Sentences are ranked by LexRank centrality over
/// TF-IDF vectors of Lucene-stemmed terms, picked with MMR for diversity up to about 250 words and
/// sorted by guiding question; cards and proposals heard in the room are clustered into numbered
/// recommendations with their means of implementation and partnerships.
/// </summary>
internal sealed class ExtractiveDrafter
{
    /// <summary>LexRank runs on the sentences closest to the session's centroid; beyond that the quadratic graph costs more than it tells.</summary>
    private const int PoolSize = 400;

    /// <summary>Proposals clustered at most, the most central first.</summary>
    private const int MaxProposals = 3000;
    private const int MaxSentenceWords = 60;
    private const float EdgeThreshold = 0.1f;
    private const float SupportThreshold = 0.5f;
    private const float Damping = 0.85f;
    private const double Lambda = 0.7;
    private const int MaxSources = 12;

    private readonly SummariesOptions _options;

    public ExtractiveDrafter(IOptions<SummariesOptions> options)
    {
        _options = options.Value;
    }

    /// <param name="input">Input already through <see cref="Normaliser.Normalise"/>.</param>
    public Report Draft(DraftInput input)
    {
        var redactor = new DelegationRedactor(
            input.Contributions.Select(c => c.Delegation).Concat(input.Cards.Select(c => c.Delegation)), input.NameDelegations);
        var units = Units(input);
        var sentences = units.Where(u => !u.IsCard).ToList();
        var centroid = Centroid(sentences, units.Count == 0 ? 0 : units.Max(u => u.Vector.Terms.LastOrDefault()) + 1);

        var pool = sentences
            .Where(u => u.TermCount >= 3 && u.WordCount <= MaxSentenceWords)
            .OrderByDescending(u => u.Vector.Dot(centroid)).ThenBy(u => u.Order)
            .Take(PoolSize)
            .OrderBy(u => u.Order)
            .ToList();
        var centrality = LexRank(pool);
        var picked = Mmr(pool, centrality, _options.SummaryWords, maxSentences: int.MaxValue, exclude: []);
        var summary = picked.OrderBy(u => u.Question).ThenBy(u => u.Order)
            .Select(u => Sentence(u, sentences, redactor, input.NameDelegations)).ToList();

        var observations = Mmr(pool.Where(u => u.Question != Question.Commitments).ToList(), centrality, 100_000, _options.MaxObservations, [.. picked])
            .OrderBy(u => u.Order)
            .Select(u => Sentence(u, sentences, redactor, input.NameDelegations)).ToList();

        var recommendations = Recommendations(units, sentences, centroid);
        return new Report(input.Header, summary, recommendations, observations);
    }

    private static List<Unit> Units(DraftInput input)
    {
        using var analyzer = new TextAnalyzer();
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
            });
        }

        for (var c = 0; c < input.Contributions.Count; c++)
        {
            var contribution = input.Contributions[c];
            foreach (var sentence in SentenceSplitter.Split(contribution.Text))
            {
                // Text addressed to a model is neither a point of the discussion nor a proposal.
                if (Normaliser.IsInstructionLike(sentence))
                {
                    continue;
                }

                units.Add(new Unit
                {
                    SourceId = contribution.Id,
                    Delegation = contribution.Delegation,
                    Text = sentence,
                    Question = QuestionCues.Classify(sentence),
                    Order = units.Count,
                    Contribution = c,
                    WordCount = Words(sentence),
                });
            }
        }

        foreach (var unit in units)
        {
            var terms = analyzer.Terms(unit.Text);
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

    private static float[] Centroid(List<Unit> units, int terms)
    {
        var centroid = new float[terms];
        foreach (var unit in units)
        {
            for (var i = 0; i < unit.Vector.Terms.Length; i++)
            {
                centroid[unit.Vector.Terms[i]] += unit.Vector.Weights[i];
            }
        }

        return centroid;
    }

    /// <summary>Continuous LexRank: PageRank over the cosine-similarity graph of the pool.</summary>
    private static Dictionary<Unit, double> LexRank(List<Unit> pool)
    {
        var n = pool.Count;
        var similarity = new float[n][];
        var rowSums = new double[n];
        for (var i = 0; i < n; i++)
        {
            similarity[i] = new float[n];
        }

        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                var s = pool[i].Vector.Cosine(pool[j].Vector);
                if (s >= EdgeThreshold)
                {
                    similarity[i][j] = similarity[j][i] = s;
                    rowSums[i] += s;
                    rowSums[j] += s;
                }
            }
        }

        var rank = Enumerable.Repeat(1.0 / Math.Max(1, n), n).ToArray();
        for (var iteration = 0; iteration < 50; iteration++)
        {
            var next = new double[n];
            for (var j = 0; j < n; j++)
            {
                if (rowSums[j] == 0)
                {
                    continue;
                }

                var share = rank[j] / rowSums[j];
                var row = similarity[j];
                for (var i = 0; i < n; i++)
                {
                    next[i] += row[i] * share;
                }
            }

            var dangling = Enumerable.Range(0, n).Where(j => rowSums[j] == 0).Sum(j => rank[j]);
            var delta = 0.0;
            for (var i = 0; i < n; i++)
            {
                var value = ((1 - Damping) / n) + (Damping * (next[i] + (dangling / n)));
                delta += Math.Abs(value - rank[i]);
                rank[i] = value;
            }

            if (delta < 1e-6)
            {
                break;
            }
        }

        var max = n == 0 ? 1 : rank.Max();
        return Enumerable.Range(0, n).ToDictionary(i => pool[i], i => rank[i] / max);
    }

    /// <summary>Maximal marginal relevance: central sentences that do not repeat what is already picked.</summary>
    private static List<Unit> Mmr(List<Unit> pool, Dictionary<Unit, double> centrality, int words, int maxSentences, List<Unit> exclude)
    {
        var picked = new List<Unit>();
        var taken = new HashSet<Unit>(exclude);
        var used = 0;
        while (picked.Count < maxSentences && used < words - 20)
        {
            Unit? best = null;
            var bestScore = double.MinValue;
            foreach (var unit in pool)
            {
                if (taken.Contains(unit) || used + unit.WordCount > words + 30)
                {
                    continue;
                }

                var redundancy = taken.Count == 0 ? 0 : taken.Max(t => (double)t.Vector.Cosine(unit.Vector));
                var score = (Lambda * centrality[unit]) - ((1 - Lambda) * redundancy);
                if (score > bestScore)
                {
                    (best, bestScore) = (unit, score);
                }
            }

            if (best is null)
            {
                break;
            }

            picked.Add(best);
            taken.Add(best);
            used += best.WordCount + 4;
        }

        return picked;
    }

    /// <summary>A summary sentence: who said it (as a count, unless names are asked for), what, and every source that said the same.</summary>
    private static ReportSentence Sentence(Unit unit, List<Unit> sentences, DelegationRedactor redactor, bool nameDelegations)
    {
        var supporters = sentences.Where(s => s == unit || (s.SourceId != unit.SourceId && s.Vector.Overlap(unit.Vector) >= SupportThreshold)).ToList();
        var delegations = supporters.Select(s => s.Delegation).Where(d => d.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var who = nameDelegations && delegations.Count > 0
            ? string.Join(", ", delegations.Take(4)) + (delegations.Count > 4 ? " and others" : "")
            : Phrasing.Who(Math.Max(1, delegations.Count), unit.Delegation.Length > 0);
        var sources = supporters.Select(s => s.SourceId).Distinct().Take(MaxSources).ToList();
        return new ReportSentence($"{who} {Phrasing.Verb(unit.Question)}: {Phrasing.Quote(redactor.Redact(unit.Text))}", sources);
    }

    /// <summary>Numbered recommendations, as proposed: partners are often delegations (IOM, ILO) and stay named.</summary>
    private List<ReportRecommendation> Recommendations(List<Unit> units, List<Unit> sentences, float[] centroid)
    {
        var proposals = units.Where(u => u.IsCard)
            .Concat(sentences.Where(u => u.Question == Question.Commitments && u.TermCount >= 4 && u.WordCount <= MaxSentenceWords)
                .OrderByDescending(u => u.Vector.Dot(centroid)).ThenBy(u => u.Order)
                .Take(MaxProposals)
                .OrderBy(u => u.Order))
            .ToList();
        var clusters = Clustering.Cluster(proposals, (float)_options.ClusterThreshold);
        return [.. clusters
            .OrderByDescending(c => c.Members.Select(m => m.Delegation).Distinct(StringComparer.OrdinalIgnoreCase).Count())
            .ThenByDescending(c => c.Members.Count(m => m.IsCard))
            .ThenBy(c => c.Leader.Order)
            .Take(_options.MaxRecommendations)
            .Select(c => Recommendation(c, sentences))];
    }

    private static ReportRecommendation Recommendation(Cluster cluster, List<Unit> sentences)
    {
        var cards = cluster.Members.Where(m => m.IsCard).Select(m => m.Card!).ToList();
        var sources = cluster.Members.Select(m => m.SourceId).ToList();
        string means, partnerships;
        if (cards.Count > 0)
        {
            means = JoinDistinct(cards.Select(c => c.Means));
            partnerships = JoinDistinct(cards.Select(c => c.Partnerships));
        }
        else
        {
            // A proposal made aloud: its means and partners are in the same statement, if anywhere.
            var statements = cluster.Members.Select(m => m.Contribution).ToHashSet();
            var members = cluster.Members.ToHashSet();
            var sameStatement = sentences.Where(s => statements.Contains(s.Contribution) && !members.Contains(s)).ToList();
            means = sameStatement.FirstOrDefault(s => QuestionCues.IsMeans(s.Text))?.Text ?? "";
            partnerships = sameStatement.FirstOrDefault(s => s.Text != means && QuestionCues.IsPartnership(s.Text))?.Text ?? "";
        }

        var text = cards.Count > 0 ? cards[0].Recommendation : cluster.Leader.Text;
        return new ReportRecommendation(text, means, partnerships, [.. sources.Distinct()]);
    }

    private static string JoinDistinct(IEnumerable<string> parts) =>
        string.Join("; ", parts.Where(p => p.Length > 0).DistinctBy(p => p.Trim().TrimEnd('.').ToLowerInvariant()));

    private static int Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
}
