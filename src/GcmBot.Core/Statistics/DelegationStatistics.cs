namespace GcmBot.Core.Statistics;

/// <param name="Allotted">Time allotted over the delegation's completed interventions.</param>
/// <param name="Requests">Times it asked for the floor (any kind).</param>
/// <param name="NotReached">Sessions where it asked for the floor and was not reached.</param>
public sealed record DelegationStatistics(
    string Name,
    string Category,
    int Interventions,
    TimeSpan SpeakingTime,
    TimeSpan Allotted,
    int Requests,
    int NotReached,
    int Cards,
    int Contributions);
