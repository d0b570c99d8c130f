namespace GcmBot.Summaries.Text;

/// <summary>Builds TF-IDF vectors over one document collection (a session's sentences and cards).</summary>
internal sealed class Vectoriser
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<int> _documentFrequency = [];
    private readonly List<int[]> _documents = [];

    public int TermCount => _ids.Count;

    /// <summary>Adds a document's terms; returns its index.</summary>
    public int Add(IReadOnlyList<string> terms)
    {
        var ids = new int[terms.Count];
        for (var i = 0; i < terms.Count; i++)
        {
            if (!_ids.TryGetValue(terms[i], out var id))
            {
                id = _ids.Count;
                _ids[terms[i]] = id;
                _documentFrequency.Add(0);
            }

            ids[i] = id;
        }

        foreach (var id in ids.Distinct())
        {
            _documentFrequency[id]++;
        }

        _documents.Add(ids);
        return _documents.Count - 1;
    }

    public int DocumentFrequency(int term) => _documentFrequency[term];

    public int DocumentCount => _documents.Count;

    /// <summary>Unit-length vectors for every document added, with smoothed IDF and sub-linear TF.</summary>
    public List<SparseVector> Vectors()
    {
        var n = _documents.Count;
        var idf = _documentFrequency.Select(df => (float)(Math.Log((1.0 + n) / (1.0 + df)) + 1.0)).ToArray();
        var vectors = new List<SparseVector>(n);
        foreach (var document in _documents)
        {
            if (document.Length == 0)
            {
                vectors.Add(SparseVector.Empty);
                continue;
            }

            var counts = new SortedDictionary<int, int>();
            foreach (var term in document)
            {
                counts[term] = counts.GetValueOrDefault(term) + 1;
            }

            var terms = counts.Keys.ToArray();
            var weights = counts.Select(c => (float)((1.0 + Math.Log(c.Value)) * idf[c.Key])).ToArray();
            var norm = MathF.Sqrt(weights.Sum(w => w * w));
            for (var i = 0; i < weights.Length; i++)
            {
                weights[i] /= norm;
            }

            vectors.Add(new SparseVector(terms, weights));
        }

        return vectors;
    }
}
