using GcmBot.Core.Drafting;
using GcmBot.Summaries.Text;
using GcmBot.Summaries.Verification;

namespace GcmBot.Summaries.Tests;

/// <summary>Each contribution and card is analysed with its own language's Lucene analyser.</summary>
public sealed class LanguageAnalysisTests : IDisposable
{
    private readonly Drafting _drafting = new(Samples.Options());
    private readonly TextAnalyzer _analyzer = new();

    [Theory]
    [InlineData("Que les États publient des recommandations annuelles sur la protection consulaire", LanguageGuess.French)]
    [InlineData("Que los Estados publiquen cada año recomendaciones para la protección consular de los migrantes", LanguageGuess.Spanish)]
    [InlineData("ندعو الدول إلى حماية حقوق المهاجرين", LanguageGuess.Arabic)]
    [InlineData("我们建议扩大移民工人的正常移民途径", LanguageGuess.Chinese)]
    [InlineData("Мы призываем государства защищать права трудящихся-мигрантов", LanguageGuess.Russian)]
    [InlineData("We propose that States expand regular pathways for migrant workers", LanguageGuess.English)]
    public void Guess_EachOfficialLanguage_Recognised(string text, string language) =>
        Assert.Equal(language, LanguageGuess.Of(text));

    [Fact]
    public void Terms_French_StopWordsGoAndPluralsStem()
    {
        var terms = _analyzer.Terms("Nous pensons que les recommandations de la session", LanguageGuess.French);

        Assert.DoesNotContain("nous", terms);
        Assert.DoesNotContain("que", terms);
        Assert.DoesNotContain("les", terms);
        Assert.DoesNotContain("la", terms);
        Assert.Equal(_analyzer.Terms("recommandation", LanguageGuess.French), _analyzer.Terms("recommandations", LanguageGuess.French));
    }

    [Fact]
    public void Terms_Chinese_SegmentedIntoWords()
    {
        var terms = _analyzer.Terms("我们建议扩大移民工人的正常移民途径", LanguageGuess.Chinese);

        Assert.Contains("移民", terms);
        Assert.Contains("工人", terms);
        Assert.Contains("途径", terms);
    }

    [Fact]
    public void Terms_Arabic_NormalisedAcrossSpellings()
    {
        // Teh marbuta written as heh, the article, diacritics: the same words.
        var plain = _analyzer.Terms("حماية حقوق المهاجرين", LanguageGuess.Arabic);

        Assert.Equal(plain, _analyzer.Terms("حمايه حقوق مهاجرين", LanguageGuess.Arabic));
        Assert.Equal(plain, _analyzer.Terms("حِمَايَة حُقُوق المهاجرين", LanguageGuess.Arabic));
    }

    [Fact]
    public async Task Draft_FrenchCardsSayingTheSame_OneRecommendation_SpanishLikewise()
    {
        var input = Samples.Input([], [
            Samples.Card("c-1", "France", "Que les États publient des recommandations annuelles sur la protection consulaire"),
            Samples.Card("c-2", "Belgique", "Que chaque État publie une recommandation annuelle sur la protection consulaire"),
            Samples.Card("c-3", "Espagne", "Que los Estados publiquen cada año recomendaciones para la protección consular de los migrantes"),
            Samples.Card("c-4", "Uruguay", "Que cada Estado publique una recomendación anual sobre la protección consular de los migrantes"),
            Samples.Card("c-5", "Sénégal", "Que les États ouvrent des bureaux consulaires dans les pays de transit"),
        ]);

        var report = (await _drafting.Pipeline.DraftAsync(input, CancellationToken.None)).Report;

        Assert.Equal(3, report.Recommendations.Count);
        Assert.Contains(report.Recommendations, r => r.Sources.SequenceEqual(["c-1", "c-2"]));
        Assert.Contains(report.Recommendations, r => r.Sources.SequenceEqual(["c-3", "c-4"]));
        Assert.Contains(report.Recommendations, r => r.Sources.SequenceEqual(["c-5"]));
    }

    [Fact]
    public async Task Draft_FrenchCardsSharingOnlyStopWords_KeptApart()
    {
        var input = Samples.Input([], [
            Samples.Card("c-1", "France", "Que la Commission publie les chiffres pour les villes qui sont dans les zones frontalières"),
            Samples.Card("c-2", "Belgique", "Que les pays ouvrent les écoles pour les élèves qui sont dans les camps"),
        ]);

        var report = (await _drafting.Pipeline.DraftAsync(input, CancellationToken.None)).Report;

        Assert.Equal(2, report.Recommendations.Count);
    }

    [Fact]
    public void Verify_FrenchPointAgainstItsFrenchSource_LinkedWhenItSaysItCaughtWhenNot()
    {
        var input = Samples.Input(
            [Samples.Said("m-1", "France", "Nous demandons que les États publient chaque année des recommandations sur la protection consulaire des migrants.")],
            [Samples.Card("c-1", "Belgique", "Que chaque État ouvre des bureaux consulaires dans les pays de transit")]);
        var verifier = new ReportVerifier(input, _analyzer);

        var traced = new Report(Samples.Header, [new ReportSentence("Des délégations ont demandé que les États publient une recommandation annuelle sur la protection consulaire.", ["m-1"])],
            [new ReportRecommendation("Que chaque État ouvre des bureaux consulaires dans les pays de transit", "", "", ["c-1"])], []);
        var invented = new Report(Samples.Header, [new ReportSentence("Des délégations ont demandé la fermeture des frontières et la fin du droit d'asile.", ["m-1"])], [], []);

        Assert.Empty(verifier.Verify(traced));
        Assert.Contains("not supported", Assert.Single(verifier.Verify(invented)).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Draft_MixedLanguageSession_EveryPointTraced()
    {
        var session = Samples.Session();
        var input = session with
        {
            Contributions =
            [
                .. session.Contributions,
                Samples.Said("m-fr", "France", "La France estime que les États doivent élargir les voies de migration régulière pour les travailleurs migrants de tous niveaux de compétence, avec des accords bilatéraux."),
                Samples.Said("m-es", "Chile", "Chile considera que los Estados deben reducir el costo de las remesas y proteger los derechos de los trabajadores migrantes en todas las etapas."),
                Samples.Said("m-ar", "Egypt", "تؤكد مصر أن على الدول حماية حقوق العمال المهاجرين وتوسيع مسارات الهجرة النظامية وخفض تكاليف التحويلات المالية للأسر."),
                Samples.Said("m-zh", "China", "中国认为各国应当扩大正常移民途径，保护移民工人的权利，并降低侨汇成本，加强国际合作。"),
                Samples.Said("m-ru", "Russian Federation", "Российская Федерация считает, что государства должны расширять законные пути миграции и защищать права трудящихся-мигрантов и их семей."),
            ],
            Cards =
            [
                .. session.Cards,
                Samples.Card("card-ar", "Egypt", "حماية حقوق العمال المهاجرين في جميع مراحل الهجرة", "الاتفاقات الثنائية", "منظمة العمل الدولية"),
                Samples.Card("card-zh", "China", "降低侨汇成本，使其低于百分之三", "数字支付", "世界银行"),
                Samples.Card("card-ru", "Russian Federation", "Расширять законные пути миграции для трудящихся-мигрантов", "Двусторонние соглашения", "МОТ"),
            ],
        };

        var outcome = await _drafting.Pipeline.DraftAsync(input, CancellationToken.None);
        var report = outcome.Report;

        Assert.Empty(new ReportVerifier(input, _analyzer).Verify(report));
        Assert.All(report.Summary.Concat(report.Observations), s => Assert.NotEmpty(s.Sources));
        Assert.All(report.Recommendations, r => Assert.NotEmpty(r.Sources));
        // Statements in other languages are not quoted in the English summary; the observations point to them, per language.
        string[] others = ["m-fr", "m-es", "m-ar", "m-zh", "m-ru"];
        Assert.DoesNotContain(report.Summary, s => s.Sources.Any(others.Contains));
        foreach (var (language, id) in new[] { ("Arabic", "m-ar"), ("Chinese", "m-zh"), ("French", "m-fr"), ("Russian", "m-ru"), ("Spanish", "m-es") })
        {
            Assert.Contains(report.Observations, o => o.Text.Contains($"Statements in {language} ", StringComparison.Ordinal) && o.Sources.Contains(id));
        }

        // Every card is in the report: merged with the English card saying the same, or a recommendation of its own in its language.
        Assert.All(input.Cards, c => Assert.Contains(report.Recommendations, r => r.Sources.Contains(c.Id)));
        Assert.Contains(report.Recommendations, r => r.Recommendation == "降低侨汇成本，使其低于百分之三" && r.Sources.SequenceEqual(["card-zh"]));
    }

    public void Dispose()
    {
        _analyzer.Dispose();
        _drafting.Dispose();
    }
}
