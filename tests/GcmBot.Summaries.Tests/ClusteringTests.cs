namespace GcmBot.Summaries.Tests;

public sealed class ClusteringTests : IDisposable
{
    private readonly Drafting _drafting = new(Samples.Options());

    [Fact]
    public async Task Draft_ParaphrasedCards_MergedWithAllSources()
    {
        var input = Samples.Input(
            [Samples.Said("m-1", "Switzerland", "We propose that States expand regular migration pathways for workers at all skill levels.")],
            [
                Samples.Card("c-1", "Philippines", "Expand regular pathways for migrant workers", "Bilateral labour agreements", "ILO"),
                Samples.Card("c-2", "Mexico", "Widen regular pathways for migrant workers of all skill levels", "Visa schemes", "Employers"),
                Samples.Card("c-3", "Ghana", "Reduce the cost of remittances to below three percent", "Digital payments", "World Bank"),
                Samples.Card("c-4", "El Salvador", "Remittance transfer costs should be reduced below three percent", "Competition among providers", "Private sector"),
                Samples.Card("c-5", "Ecuador", "End the detention of migrant children", "Alternatives to detention", "UNICEF"),
            ]);

        var report = (await _drafting.Pipeline.DraftAsync(input, CancellationToken.None)).Report;

        var pathways = Assert.Single(report.Recommendations, r => r.Sources.Contains("c-1"));
        Assert.Equal(["c-1", "c-2", "m-1"], pathways.Sources);
        Assert.Equal("Bilateral labour agreements; Visa schemes", pathways.Means);
        Assert.Equal("ILO; Employers", pathways.Partnerships);
        var remittances = Assert.Single(report.Recommendations, r => r.Sources.Contains("c-3"));
        Assert.Equal(["c-3", "c-4"], remittances.Sources);
        Assert.Equal(3, report.Recommendations.Count);
    }

    [Fact]
    public async Task Draft_DistinctProposalsSharingWords_KeptApart()
    {
        var input = Samples.Input([], [
            Samples.Card("c-1", "Ecuador", "End the detention of migrant children"),
            Samples.Card("c-2", "Canada", "Protect the education of migrant children"),
            Samples.Card("c-3", "Philippines", "Expand regular pathways for migrant workers"),
            Samples.Card("c-4", "Bangladesh", "Abolish recruitment fees charged to migrant workers"),
            Samples.Card("c-5", "Chile", "Guarantee access to health care for all migrants"),
        ]);

        var report = (await _drafting.Pipeline.DraftAsync(input, CancellationToken.None)).Report;

        Assert.Equal(5, report.Recommendations.Count);
        Assert.All(report.Recommendations, r => Assert.Single(r.Sources));
    }

    public void Dispose() => _drafting.Dispose();
}
