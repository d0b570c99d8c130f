using System.Text.RegularExpressions;

namespace GcmBot.Summaries.Extractive;

/// <summary>
/// Turns what a speaker said into what a chair's summary reports: fillers and addresses to the chair
/// dropped, a proposal's lead-in ("We propose that", "Brazil would like to see") turned into an
/// impersonal verb, the first person into the third ("we" → "they", "our" → "their") and the tense shifted
/// back ("will" → "would", "is" → "was"), and no quotation marks around the result.
/// </summary>
internal static partial class ReportedSpeech
{
    private static readonly Dictionary<string, string> _shifted = new(StringComparer.OrdinalIgnoreCase)
    {
        ["i"] = "they", ["we"] = "they", ["me"] = "them", ["us"] = "them", ["my"] = "their", ["our"] = "their",
        ["mine"] = "theirs", ["ours"] = "theirs", ["myself"] = "themselves", ["ourselves"] = "themselves",
        ["i'm"] = "they were", ["we're"] = "they were", ["i've"] = "they had", ["we've"] = "they had",
        ["i'll"] = "they would", ["we'll"] = "they would", ["i'd"] = "they would", ["we'd"] = "they would",
        ["is"] = "was", ["are"] = "were", ["will"] = "would", ["can"] = "could", ["shall"] = "should",
        ["has"] = "had", ["have"] = "had", ["do"] = "did", ["does"] = "did",
        ["it's"] = "it was", ["that's"] = "that was", ["there's"] = "there was", ["what's"] = "what was",
        ["don't"] = "did not", ["doesn't"] = "did not", ["won't"] = "would not", ["can't"] = "could not",
        ["isn't"] = "was not", ["aren't"] = "were not", ["haven't"] = "had not", ["hasn't"] = "had not",
    };

    /// <summary>Words a sentence may start with that are not a name: the clause after "noted that" starts in lower case with them.</summary>
    private static readonly HashSet<string> _common = new(StringComparer.OrdinalIgnoreCase)
    {
        "they", "the", "a", "an", "it", "there", "this", "that", "these", "those", "their", "them", "all", "more", "many", "most",
        "some", "such", "any", "every", "each", "no", "not", "in", "on", "at", "for", "with", "without", "by", "from", "as", "if",
        "when", "while", "although", "because", "since", "to", "what", "how", "where", "one", "two", "both", "other", "others",
    };

    public static Reported Report(string sentence)
    {
        var text = Inner().Replace(Leading().Replace(sentence.Trim(), ""), "");
        text = Quotes().Replace(text, "").Trim().TrimEnd(';', ',', ':', '—', '-').Trim();
        string? verb = null;
        var proposal = Proposal().Match(text);
        if (proposal.Success)
        {
            var lead = proposal.Groups["verb"].Value.ToLowerInvariant();
            verb = lead.StartsWith("call", StringComparison.Ordinal) || lead.StartsWith("see", StringComparison.Ordinal) ? Reported.CallFor
                : lead.StartsWith("sugg", StringComparison.Ordinal) ? "suggested"
                : lead.StartsWith("recomm", StringComparison.Ordinal) ? "recommended"
                : lead.StartsWith("urge", StringComparison.Ordinal) ? "urged"
                : "proposed";
            text = proposal.Groups["rest"].Value;
        }

        text = text.Length > 0 && text[^1] is '.' or '!' or '?' ? text : text + ".";
        var proposed = text;
        text = Word().Replace(text, m => _shifted.TryGetValue(m.Value, out var third) && !AfterAuxiliary().IsMatch(text[..m.Index]) ? Match(third, m.Value) : m.Value);
        text = Agreement().Replace(text, "they were");
        return new Reported(verb is null ? Capitalise(text) : Decapitalise(text), verb, proposed);
    }

    public static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>Lower-cases the first word unless it may be a name ("States", "Mexico").</summary>
    public static string Decapitalise(string text)
    {
        var first = FirstWord().Match(text).Value;
        return first.Length > 0 && _common.Contains(first) ? char.ToLowerInvariant(text[0]) + text[1..] : text;
    }

    /// <summary>Keeps the case of the word replaced: "We" → "They", "we" → "they".</summary>
    /// <remarks>"I" is upper case anywhere; its replacement is not. The sentence's first letter is capitalised afterwards.</remarks>
    private static string Match(string replacement, string original) =>
        char.IsUpper(original[0]) && !(original[0] == 'I' && (original.Length == 1 || original[1] == '\'')) ? Capitalise(replacement) : replacement;

    /// <summary>Fillers, vocatives and connectives that open spoken sentences and carry nothing.</summary>
    [GeneratedRegex(
        @"^(?:(?:so|and|but|also|now|then|firstly|secondly|thirdly|finally|lastly|of\s+course|obviously|clearly|i\s+think|i\s+believe|i\s+mean|you\s+know|as\s+i\s+said|as\s+you\s+(?:said|know)|actually|basically|again|indeed|well|look|okay|ok|yes|no|right)\s*[,—–-]\s*"
        + @"|(?:so|and|but|also|then|well|now)\s+"
        + @"|(?:(?:mr|mrs|ms|madam|madame|monsieur|señor|señora)\.?\s*)?(?:chair\w*|president\w*|co-?chairs?|co-?facilitators?|minister|colleagues|dear\s+colleagues|excellencies|distinguished\s+delegates)\s*[,—–-]\s*)+",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Leading();

    [GeneratedRegex(@",?\s*\b(?:you\s+know|i\s+mean|of\s+course|obviously|actually|basically)\b,?(?=\s)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Inner();

    [GeneratedRegex(@"[""“”«»]|(?<!\w)['‘]|['’](?!\w)")]
    private static partial Regex Quotes();

    /// <summary>A proposal's lead-in: who proposes (a pronoun, "my delegation", or a name) and how.</summary>
    [GeneratedRegex(
        @"^(?:i|we|my\s+(?:delegation|country|government)|our\s+(?:delegation|country|government|group)|the\s+(?:delegation|government)\s+of\s+[\p{Lu}][\p{L}-]*(?:\s+[\p{Lu}][\p{L}-]*)*|[\p{Lu}][\p{L}-]+(?:\s+[\p{Lu}][\p{L}-]+){0,3})"
        + @"\s+(?:would\s+|do\s+|does\s+|therefore\s+|also\s+|strongly\s+|respectfully\s+)*(?:(?:like|wish|want|wants|wishes)\s+to\s+)?(?:(?:strongly|also)\s+)?"
        + @"(?<verb>propose[sd]?|suggest[sed]*|recommend[sed]*|urge[sd]?|call(?:s|ed)?\s+(?:for|on|upon)|(?<=(?:like|wish|want|wants|wishes)\s+to\s+)see)\s+(?:that\s+)?(?<rest>\S.*)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Proposal();

    [GeneratedRegex(@"\b[\p{L}]+(?:'[\p{L}]+)?\b")]
    private static partial Regex Word();

    /// <summary>"I was" and "I am" became "they was", "they am": the plural past.</summary>
    [GeneratedRegex(@"\bthey\s+(?:was|am)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Agreement();

    /// <summary>After a modal, "to" or "not" a verb stays in its base form: "may have", "need to do", "did not have".</summary>
    [GeneratedRegex(@"\b(?:may|might|must|could|would|should|can|will|shall|to|not|did|didn't|let)\s+\z", RegexOptions.IgnoreCase | RegexOptions.RightToLeft)]
    private static partial Regex AfterAuxiliary();

    [GeneratedRegex(@"^[\p{L}']+")]
    private static partial Regex FirstWord();
}
