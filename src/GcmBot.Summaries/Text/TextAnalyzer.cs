using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Es;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.Ru;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace GcmBot.Summaries.Text;

/// <summary>
/// Words to comparable terms with the Lucene.Net analyser of the text's language (<see cref="LanguageGuess"/>):
/// tokeniser, lower case, the language's stop words and stemmer ("migrants'", "migrant" → "migrant";
/// "recommandations" → "recommand"), Arabic's normalisation of spellings, Chinese segmentation into words
/// (SmartCn).
/// One instance per draft, shared by the drafter and the verifier; each analyser is built the first time its
/// language is met and disposed with it.
/// </summary>
internal sealed class TextAnalyzer : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private readonly Dictionary<string, Analyzer> _analyzers = new(StringComparer.Ordinal);

    /// <summary>The terms of a text in a language named as <see cref="LanguageGuess"/> names it.</summary>
    public List<string> Terms(string text, string language)
    {
        var terms = new List<string>();
        using var stream = Analyzer(language).GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }

    private Analyzer Analyzer(string language)
    {
        if (!_analyzers.TryGetValue(language, out var analyzer))
        {
            _analyzers[language] = analyzer = language switch
            {
                LanguageGuess.French => new FrenchAnalyzer(Version),
                LanguageGuess.Spanish => new SpanishAnalyzer(Version),
                LanguageGuess.Arabic => new ArabicAnalyzer(Version),
                LanguageGuess.Chinese => new SmartChineseAnalyzer(Version),
                LanguageGuess.Russian => new RussianAnalyzer(Version),
                _ => new EnglishAnalyzer(Version),
            };
        }

        return analyzer;
    }

    public void Dispose()
    {
        foreach (var analyzer in _analyzers.Values)
        {
            analyzer.Dispose();
        }
    }
}
