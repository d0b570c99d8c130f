namespace GcmBot.Summaries.Tests;

/// <summary>The defects of issue 19, each pinned on a transcript written for it.</summary>
public sealed class ReportRegisterTests : IDisposable
{
    private readonly Drafting _drafting = new(Samples.Options());

    [Fact]
    public async Task Draft_RepeatedThanksAndTitles_NoThanksNoTitleFragmentNoRepetition()
    {
        var input = Samples.Input(
        [
            Samples.Said("m-1", "Mexico", "Thank you, Mr. Chair. Regular pathways, e.g. seasonal work schemes and family reunification, reduce irregular migration across the region."),
            Samples.Said("m-2", "Chile", "Thank you, Mr. Chair. Regular pathways, e.g. seasonal work schemes and family reunification, reduce irregular migration across the region."),
            Samples.Said("m-3", "Ghana", "Thank you, Mr. Chair. Remittance costs remain far too high for migrant families in West Africa and must come down."),
            Samples.Said("m-4", "Chair", "Thank you. The next speaker is Ghana. Thank you, Mr. Chair."),
        ]);

        var report = (await _drafting.Pipeline.DraftAsync(input, CancellationToken.None)).Report;

        Assert.NotEmpty(report.Summary);
        Assert.DoesNotContain(report.Summary, s => s.Text.Contains("Thank", StringComparison.OrdinalIgnoreCase) || s.Text.EndsWith("Mr.", StringComparison.Ordinal));
        var pathways = Assert.Single(report.Summary, s => s.Text.Contains("seasonal work schemes", StringComparison.Ordinal));
        Assert.StartsWith("Two delegations noted that ", pathways.Text, StringComparison.Ordinal);
        Assert.Equal(["m-1", "m-2"], pathways.Sources);
        Assert.DoesNotContain(report.Summary.Concat(report.Observations), s => s.Text.Contains('“') || s.Text.Contains('"'));
    }

    [Fact]
    public async Task Draft_FirstPersonProposal_ReportedImpersonallyAndRecommendedWithoutLeadIn()
    {
        var input = Samples.Input(
        [
            Samples.Said("m-1", "Switzerland", "We propose that States expand regular pathways for migrant workers through bilateral labour agreements, in partnership with employers and trade unions."),
        ]);

        var report = (await _drafting.Pipeline.DraftAsync(input, CancellationToken.None)).Report;

        Assert.Contains(report.Summary, s => s.Text.StartsWith("It was proposed that States expand regular pathways", StringComparison.Ordinal));
        var recommendation = Assert.Single(report.Recommendations);
        Assert.StartsWith("States expand regular pathways", recommendation.Recommendation, StringComparison.Ordinal);
        Assert.Equal("bilateral labour agreements, in partnership with employers and trade unions", recommendation.Means);
        Assert.Equal("employers and trade unions", recommendation.Partnerships);
    }

    [Fact]
    public async Task Draft_NamedDelegationProposal_RecommendationNamesNobody()
    {
        var input = Samples.Input(
        [
            Samples.Said("b-1", "Brazil", "Brazil would like to see more regular pathways for migrant workers and their families across the region."),
            Samples.Said("a-1", "Argentina", "Argentina supports the work of the International Organization for Migration in the region."),
        ]);

        var report = (await _drafting.Pipeline.DraftAsync(input, CancellationToken.None)).Report;

        var recommendation = Assert.Single(report.Recommendations);
        Assert.Equal("More regular pathways for migrant workers and their families across the region.", recommendation.Recommendation);
        Assert.Equal(["b-1"], recommendation.Sources);

        // A sentence about an organisation's support states no partnership to form.
        Assert.Equal("", recommendation.Partnerships);
        Assert.DoesNotContain(report.Summary, s => s.Text.Contains("Brazil", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Draft_ProcedureMarkupAndPointOfOrder_NeverAPoint()
    {
        var input = Samples.Input(
        [
            Samples.Said("p-1", "Chair", "We strongly recommend that you use a headset when you take the floor. Welcome to the sixth meeting of the action group."),
            Samples.Said("p-2", "Utopia", "On a point of order, the speaker has exceeded the two minutes allowed for statements from the floor."),
            Samples.Said("p-3", "Utopia", "<script>alert('States should open every border immediately')</script>"),
            Samples.Said("p-4", "Utopia", "/next States should open all borders to everyone without any conditions"),
            Samples.Said("m-1", "Mexico", "States should guarantee access to consular services for all migrants, whatever their status."),
        ]);

        var report = (await _drafting.Pipeline.DraftAsync(input, CancellationToken.None)).Report;

        var points = report.Summary.Concat(report.Observations).SelectMany(s => s.Sources)
            .Concat(report.Recommendations.SelectMany(r => r.Sources)).ToList();
        Assert.DoesNotContain("p-1", points);
        Assert.DoesNotContain("p-2", points);
        Assert.DoesNotContain("p-3", points);
        Assert.DoesNotContain("p-4", points);
        Assert.Equal(["m-1"], Assert.Single(report.Recommendations).Sources);
    }

    [Fact]
    public async Task Draft_FrenchStatementInEnglishReport_NotQuotedButNotedWithItsSource()
    {
        var input = Samples.Input(
        [
            Samples.Said("f-1", "France", "Nous proposons que les États élargissent les voies de migration régulière pour les travailleurs migrants."),
            Samples.Said("m-1", "Mexico", "States should expand regular pathways for migrant workers through bilateral labour agreements."),
        ]);

        var report = (await _drafting.Pipeline.DraftAsync(input, CancellationToken.None)).Report;

        Assert.DoesNotContain(report.Summary, s => s.Sources.Contains("f-1") || s.Text.Contains("voies", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Recommendations, r => r.Sources.Contains("f-1"));
        var note = Assert.Single(report.Observations, o => o.Sources.Contains("f-1"));
        Assert.Equal("Statements in French are not quoted in this summary; see their sources.", note.Text);
    }

    [Fact]
    public async Task Draft_SampleSessionCardsInFrenchAndSpanish_OneRecommendationWithEverySource()
    {
        var session = Samples.Session();
        var input = session with
        {
            Cards =
            [
                .. session.Cards,
                Samples.Card("card-fr", "France", "Élargir les voies de migration régulière pour les travailleurs migrants", "Accords bilatéraux de main-d'œuvre", "OIT, employeurs"),
                Samples.Card("card-es", "Chile", "Reducir el costo de las remesas a menos del tres por ciento", "Competencia entre proveedores", "Banco Mundial"),
            ],
        };

        var report = (await _drafting.Pipeline.DraftAsync(input, CancellationToken.None)).Report;

        var pathways = Assert.Single(report.Recommendations, r => r.Sources.Contains("card-fr"));
        Assert.Equal("Expand regular pathways for migrant workers", pathways.Recommendation);
        Assert.Contains("card-1", pathways.Sources);
        Assert.StartsWith("Bilateral labour agreements", pathways.Means, StringComparison.Ordinal);
        Assert.DoesNotContain("Accords", pathways.Means, StringComparison.Ordinal);
        var remittances = Assert.Single(report.Recommendations, r => r.Sources.Contains("card-es"));
        Assert.Equal("Reduce the cost of remittances to below three percent", remittances.Recommendation);
        Assert.Contains("card-6", remittances.Sources);
        var englishOnly = (await _drafting.Pipeline.DraftAsync(session, CancellationToken.None)).Report;
        Assert.Equal(englishOnly.Recommendations.Count, report.Recommendations.Count);
    }

    public void Dispose() => _drafting.Dispose();
}
