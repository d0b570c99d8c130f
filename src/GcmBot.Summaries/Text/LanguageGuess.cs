using System.Text.RegularExpressions;

namespace GcmBot.Summaries.Text;

/// <summary>
/// Which of the six official languages a statement or card is in: Arabic, Chinese and Russian from their
/// script, English, French and Spanish from their function words (the words every sentence needs and no
/// topic changes). The report is written in English; a statement in another language is not quoted inside it.
/// </summary>
internal static partial class LanguageGuess
{
    public const string English = "English";
    public const string French = "French";
    public const string Spanish = "Spanish";
    public const string Arabic = "Arabic";
    public const string Chinese = "Chinese";
    public const string Russian = "Russian";

    private static readonly (string Language, HashSet<string> Words)[] _latin =
    [
        (English, ["the", "and", "of", "to", "is", "that", "we", "are", "with", "for", "this", "be", "have", "our", "which", "should", "will", "it", "not", "on"]),
        (French, ["le", "la", "les", "des", "et", "est", "une", "nous", "pour", "dans", "que", "qui", "sont", "avec", "du", "au", "aux", "pas", "ce", "notre", "doit", "doivent"]),
        (Spanish, ["el", "los", "las", "del", "y", "es", "una", "nosotros", "para", "que", "en", "con", "por", "son", "lo", "al", "nuestro", "nuestra", "debe", "deben", "muy"]),
    ];

    /// <summary>
    /// The language whose script has most of the text's letters; among Latin-script languages, the one with
    /// the most function words; English when none stands out.
    /// </summary>
    public static string Of(string text)
    {
        int latin = 0, arabic = 0, han = 0, cyrillic = 0;
        foreach (var ch in text)
        {
            if (!char.IsLetter(ch))
            {
                continue;
            }

            switch (ch)
            {
                case >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF':
                    arabic++;
                    break;
                case >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF':
                    han++;
                    break;
                case >= '\u0400' and <= '\u052F':
                    cyrillic++;
                    break;
                default:
                    latin++;
                    break;
            }
        }

        var script = Math.Max(Math.Max(arabic, han), cyrillic);
        if (script > latin)
        {
            return script == arabic ? Arabic : script == han ? Chinese : Russian;
        }

        return OfLatin(text);
    }

    private static string OfLatin(string text)
    {
        var counts = new int[_latin.Length];
        foreach (Match word in Word().Matches(text))
        {
            var lower = word.Value.ToLowerInvariant();
            for (var i = 0; i < _latin.Length; i++)
            {
                if (_latin[i].Words.Contains(lower))
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
        return best != 0 && counts[best] >= 2 ? _latin[best].Language : English;
    }

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();
}
