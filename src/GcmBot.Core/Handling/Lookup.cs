namespace GcmBot.Core.Handling;

/// <summary>Finds a named thing the way people type names: exact, then a unique prefix or word match.</summary>
public static class Lookup
{
    /// <param name="Candidates">The names to suggest when nothing was found.</param>
    public sealed record Match<T>(T? Found, IReadOnlyList<string> Candidates)
        where T : class
    {
        /// <summary>" Did you mean `a`, `b`?", or nothing when there is no candidate.</summary>
        public string HintIn(Localisation.Texts texts) =>
            Candidates.Count > 0 ? texts.Format("Lookup.DidYouMean", string.Join(", ", Candidates.Select(c => $"`{c}`"))) : "";
    }

    public static Match<T> Find<T>(IEnumerable<T> items, string typed, Func<T, IEnumerable<string>> names, Func<T, string> display)
        where T : class
    {
        var query = Normalise(typed);
        var list = items.ToList();
        var exact = list.Where(i => names(i).Any(n => Normalise(n) == query)).ToList();
        if (exact.Count == 1)
        {
            return new Match<T>(exact[0], []);
        }

        var partial = list.Where(i => names(i).Any(n => Normalise(n).StartsWith(query, StringComparison.Ordinal)
            || Normalise(n).Split(' ').Any(w => w == query))).ToList();
        if (partial.Count == 1 && query.Length >= 3)
        {
            return new Match<T>(partial[0], []);
        }

        var candidates = (exact.Count > 1 ? exact : partial).Take(5).Select(display).ToList();
        if (candidates.Count == 0)
        {
            // A typo: suggest the names that are a few keystrokes away.
            candidates = [.. list
                .Select(i => (Item: i, Distance: names(i).Min(n => Commands.CommandParser.Levenshtein(Normalise(n), query))))
                .Where(c => c.Distance <= Math.Max(2, query.Length / 4))
                .OrderBy(c => c.Distance)
                .Take(3)
                .Select(c => display(c.Item))];
        }

        return new Match<T>(null, candidates);
    }

    private static string Normalise(string text) =>
        string.Join(' ', text.ToLowerInvariant().Replace(':', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
