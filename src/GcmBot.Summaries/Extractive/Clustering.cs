namespace GcmBot.Summaries.Extractive;

/// <summary>
/// Leader clustering of near-duplicate proposals: each proposal joins the most similar existing cluster
/// (<see cref="Text.SparseVector.Overlap"/> of TF-IDF vectors against the cluster's leader) at or above the threshold, or starts one.
/// An inverted index over the leaders' distinctive terms keeps it near linear for thousands of proposals.
/// </summary>
internal static class Clustering
{
    public static List<Cluster> Cluster(IReadOnlyList<Unit> proposals, float threshold)
    {
        var clusters = new List<Cluster>();
        var postings = new Dictionary<int, List<int>>();
        var scores = new Dictionary<int, float>();
        foreach (var proposal in proposals)
        {
            scores.Clear();
            foreach (var term in proposal.Vector.Terms)
            {
                if (postings.TryGetValue(term, out var list))
                {
                    foreach (var index in list)
                    {
                        scores.TryAdd(index, 0);
                    }
                }
            }

            var best = -1;
            var bestScore = threshold;
            foreach (var index in scores.Keys.Order())
            {
                var score = clusters[index].Leader.Vector.Overlap(proposal.Vector);
                if (score >= bestScore && (best < 0 || score > bestScore))
                {
                    (best, bestScore) = (index, score);
                }
            }

            if (best >= 0)
            {
                clusters[best].Members.Add(proposal);
                continue;
            }

            clusters.Add(new Cluster(proposal));
            foreach (var term in DistinctiveTerms(proposal))
            {
                if (!postings.TryGetValue(term, out var list))
                {
                    postings[term] = list = [];
                }

                list.Add(clusters.Count - 1);
            }
        }

        return clusters;
    }

    /// <summary>The leader's heaviest terms: a duplicate shares at least one of them.</summary>
    private static IEnumerable<int> DistinctiveTerms(Unit unit) =>
        unit.Vector.Terms.Zip(unit.Vector.Weights).OrderByDescending(t => t.Second).ThenBy(t => t.First).Take(6).Select(t => t.First);
}
