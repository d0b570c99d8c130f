using GcmBot.Summaries.Text;

namespace GcmBot.Summaries.Tests;

public sealed class SentenceSplitterTests
{
    [Theory]
    [InlineData("Thank you, Mr. Chair. We support the proposal.", "Thank you, Mr. Chair.|We support the proposal.")]
    [InlineData("Some States, e.g. Mexico and Chile, have done so. Others have not.", "Some States, e.g. Mexico and Chile, have done so.|Others have not.")]
    [InlineData("As Dr. Smith and Prof. J. Ruiz noted, data matter. We agree.", "As Dr. Smith and Prof. J. Ruiz noted, data matter.|We agree.")]
    [InlineData("Under Standing Order No. 34 the public is excluded. No. We do not agree.", "Under Standing Order No. 34 the public is excluded.|No.|We do not agree.")]
    [InlineData("Costs fell by 3.5 per cent. Then they rose.", "Costs fell by 3.5 per cent.|Then they rose.")]
    [InlineData("She said “We agree.” Then she left.", "She said “We agree.”|Then she left.")]
    [InlineData("Is it safe? Yes! We think so.", "Is it safe?|Yes!|We think so.")]
    [InlineData("Merci, M. le Président. Mme Dupont a raison.", "Merci, M. le Président.|Mme Dupont a raison.")]
    [InlineData("Gracias, Sra. Presidenta. ¿Es posible? Sí.", "Gracias, Sra. Presidenta.|¿Es posible?|Sí.")]
    [InlineData("We need funding; States must act. Agreed.", "We need funding; States must act.|Agreed.")]
    public void Split_AbbreviationsTitlesNumbersAndQuotes_SplitOnlyAtSentenceEnds(string text, string expected)
    {
        Assert.Equal(expected.Split('|'), SentenceSplitter.Split(text));
    }
}
