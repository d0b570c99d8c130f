namespace GcmBot.Summaries.Extractive;

/// <summary>Proposals that say the same thing; the first one seen leads.</summary>
internal sealed class Cluster
{
    public Cluster(Unit leader)
    {
        Leader = leader;
        Members = [leader];
    }

    public Unit Leader { get; }
    public List<Unit> Members { get; }
}
