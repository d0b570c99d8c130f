namespace GcmBot.Summaries.Extractive;

/// <summary>
/// SumBasic sentence selection (Nenkova and Vanderwende, 2005): a sentence scores the mean probability of
/// its terms in the session; once picked, its terms' probabilities are squared, so what has been said
/// weighs less and the next pick covers something else. Each sentence's score is multiplied by a prior:
/// the opening of a discussion states its subject, and long statements carry its substance. A pick
/// sharing most of its terms with an earlier one is skipped: the report never says the same thing twice.
/// Picks are remembered across calls, so observations continue where the summary stopped.
/// </summary>
internal sealed class SumBasic
{
    private readonly List<Unit> _pool;
    private readonly double[] _prior;
    private readonly Dictionary<int, double> _probability = [];
    private readonly HashSet<Unit> _taken = [];
    private readonly List<Unit> _picked = [];
    private readonly double _redundant;

    public SumBasic(List<Unit> pool, double openingWeight, double openingSpan, double longStatementWords, double redundantJaccard)
    {
        _pool = [.. pool.Where(u => u.TermCount >= 3)];
        _redundant = redundantJaccard;
        var total = 0.0;
        foreach (var unit in _pool)
        {
            foreach (var term in unit.Vector.Terms)
            {
                _probability[term] = _probability.GetValueOrDefault(term) + 1;
                total++;
            }
        }

        foreach (var term in _probability.Keys.ToList())
        {
            _probability[term] /= total;
        }

        var span = (_pool.Count * openingSpan) + 1;
        _prior = [.. _pool.Select((u, i) => (1 + (openingWeight * Math.Exp(-i / span))) * (1 + Math.Min(1, u.StatementWords / longStatementWords)))];
    }

    /// <summary>Picks sentences up to about <paramref name="words"/> words (or <paramref name="maxSentences"/>) among those <paramref name="eligible"/>.</summary>
    public List<Unit> Pick(int words, int maxSentences, Func<Unit, bool> eligible)
    {
        var picked = new List<Unit>();
        var used = 0;
        while (picked.Count < maxSentences && used < words - 20)
        {
            var best = -1;
            var bestScore = double.MinValue;
            for (var i = 0; i < _pool.Count; i++)
            {
                var unit = _pool[i];
                if (_taken.Contains(unit) || used + unit.WordCount > words + 30 || !eligible(unit))
                {
                    continue;
                }

                var score = _prior[i] * Mean(unit);
                if (score > bestScore)
                {
                    (best, bestScore) = (i, score);
                }
            }

            if (best < 0)
            {
                break;
            }

            var chosen = _pool[best];
            _taken.Add(chosen);
            if (_picked.Any(p => Jaccard(p, chosen) >= _redundant))
            {
                continue;
            }

            _picked.Add(chosen);
            picked.Add(chosen);
            used += chosen.WordCount;
            foreach (var term in chosen.Vector.Terms)
            {
                _probability[term] *= _probability[term];
            }
        }

        return picked;
    }

    private double Mean(Unit unit)
    {
        var terms = unit.Vector.Terms;
        var sum = 0.0;
        foreach (var term in terms)
        {
            sum += _probability[term];
        }

        return sum / terms.Length;
    }

    private static double Jaccard(Unit a, Unit b)
    {
        var x = a.Vector.Terms;
        var y = b.Vector.Terms;
        int i = 0, j = 0, shared = 0;
        while (i < x.Length && j < y.Length)
        {
            if (x[i] == y[j])
            {
                shared++;
                i++;
                j++;
            }
            else if (x[i] < y[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return (double)shared / (x.Length + y.Length - shared);
    }
}
