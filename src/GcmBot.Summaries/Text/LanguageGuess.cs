using System.Text.RegularExpressions;

namespace GcmBot.Summaries.Text;

/// <summary>
/// Which of the meeting's languages a statement is in, from its function words (the words every sentence
/// needs and no topic changes). The report is written in English; a statement in French or Spanish is
/// not quoted inside it.
/// </summary>
internal static partial class LanguageGuess
{
    public const string English = "English";

    private static readonly (string Language, HashSet<string> Words)[] _languages =
    [
        (English, ["the", "and", "of", "to", "is", "that", "we", "are", "with", "for", "this", "be", "have", "our", "which", "should", "will", "it", "not", "on"]),
        ("French", ["le", "la", "les", "des", "et", "est", "une", "nous", "pour", "dans", "que", "qui", "sont", "avec", "du", "au", "aux", "pas", "ce", "notre", "doit", "doivent"]),
        ("Spanish", ["el", "los", "las", "del", "y", "es", "una", "nosotros", "para", "que", "en", "con", "por", "son", "lo", "al", "nuestro", "nuestra", "debe", "deben", "muy"]),
    ];

    /// <summary>The language with the most function words in the text; English when none stands out.</summary>
    public static string Of(string text)
    {
        var counts = new int[_languages.Length];
        foreach (Match word in Word().Matches(text))
        {
            var lower = word.Value.ToLowerInvariant();
            for (var i = 0; i < _languages.Length; i++)
            {
                if (_languages[i].Words.Contains(lower))
                {
                    counts[i]++;
                }
            }
        }

        var best = 0;
        for (var i = 1; i < counts.Length; i++)
        {
            if (counts[i] > counts[best])
            {
                best = i;
            }
        }

        // A name or a loan word is not a language: another one needs at least two of its words, and more than English has.
        return best != 0 && counts[best] >= 2 ? _languages[best].Language : English;
    }

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();
}
