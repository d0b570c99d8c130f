using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace GcmBot.Summaries.Text;

/// <summary>
/// Words to comparable terms with Lucene.Net's English analyzer: standard tokeniser, lower case,
/// English stop words, possessives and the Porter stemmer ("migrants'", "migrant" → "migrant").
/// </summary>
internal sealed class TextAnalyzer : IDisposable
{
    private readonly EnglishAnalyzer _analyzer = new(LuceneVersion.LUCENE_48);

    public List<string> Terms(string text)
    {
        var terms = new List<string>();
        using var stream = _analyzer.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }

    public void Dispose() => _analyzer.Dispose();
}
