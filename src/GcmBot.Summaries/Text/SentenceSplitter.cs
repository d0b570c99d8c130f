using System.Text.RegularExpressions;

namespace GcmBot.Summaries.Text;

/// <summary>
/// Splits a statement into sentences in English, French or Spanish: at end punctuation (with any closing
/// quote or bracket) followed by a capital, a digit or an opening quote, except after a title or an
/// abbreviation ("Mr.", "Mme", "Sra.", "e.g.", "p. ej."), an initial ("J. Smith") or a reference
/// abbreviation before a number ("No. 3", "art. 5"). A semicolon does not end a sentence: what follows
/// it is rarely a sentence of its own.
/// </summary>
internal static partial class SentenceSplitter
{
    /// <summary>Titles and abbreviations that a capital often follows: never the end of a sentence.</summary>
    private static readonly HashSet<string> _abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        // English
        "mr", "mrs", "ms", "messrs", "dr", "prof", "hon", "rt", "st", "jr", "sr", "rev", "gen", "col", "capt", "amb", "h.e",
        "e.g", "i.e", "cf", "vs", "viz", "approx", "dept", "govt", "inc", "ltd", "corp", "u.s", "u.k", "u.n", "a.m", "p.m",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",

        // French
        "m", "mm", "mme", "mmes", "mlle", "mlles", "me", "pr", "ste", "ex", "env",

        // Spanish
        "sra", "sras", "sres", "srta", "srtas", "dra", "dña", "d", "lic", "ing", "ud", "uds", "vd", "vds", "ej", "ee.uu", "excmo", "excma",
    };

    /// <summary>Abbreviations of references, which end a sentence unless a number follows ("No. 3" but "No. We disagree.").</summary>
    private static readonly HashSet<string> _beforeNumbers = new(StringComparer.OrdinalIgnoreCase)
    {
        "no", "nos", "nr", "art", "arts", "p", "pp", "para", "paras", "vol", "ch", "sec", "fig", "núm", "n°", "pág", "op",
    };

    public static IEnumerable<string> Split(string text)
    {
        var start = 0;
        foreach (Match end in Boundary().Matches(text))
        {
            var stop = end.Index + end.Length;
            if (!EndsSentence(text, end, stop))
            {
                continue;
            }

            var sentence = text[start..stop].Trim();
            if (sentence.Length > 0)
            {
                yield return sentence;
            }

            start = stop;
        }

        var last = text[start..].Trim();
        if (last.Length > 0)
        {
            yield return last;
        }
    }

    private static bool EndsSentence(string text, Match end, int stop)
    {
        // Only a full stop can close an abbreviation; "?" and "!" always end the sentence.
        if (text[end.Index] != '.' || end.Length > 1 && end.Value[1] == '.')
        {
            return true;
        }

        var word = WordBefore().Match(text, 0, end.Index);
        if (!word.Success)
        {
            return true;
        }

        var token = word.Value;
        if (_abbreviations.Contains(token))
        {
            return false;
        }

        // An initial: "J. Smith", but not the pronoun "I." ending a sentence.
        if (token.Length == 1 && char.IsUpper(token[0]) && token != "I")
        {
            return false;
        }

        var next = text.AsSpan(stop).TrimStart();
        return !(_beforeNumbers.Contains(token) && next.Length > 0 && char.IsDigit(next[0]));
    }

    [GeneratedRegex(@"[.!?…]+[""”’»)\]]*(?=\s+[\p{Lu}\d""“‘«¿¡(\[])")]
    private static partial Regex Boundary();

    /// <summary>The word before a full stop, dots inside it kept ("e.g", "U.S"); read from the right, so it costs the word's length.</summary>
    [GeneratedRegex(@"(?<=^|[\s(""“‘«¿¡])[\p{L}°]+(?:\.\p{L}+)*\z", RegexOptions.RightToLeft)]
    private static partial Regex WordBefore();
}
