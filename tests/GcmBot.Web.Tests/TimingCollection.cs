namespace GcmBot.Web.Tests;

/// <summary>
/// Tests that measure latency run alone: other browser tests running at the same time on the same two cores
/// would measure the machine's contention, not the push.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingCollection
{
    public const string Name = "Timing";
}
