namespace GcmBot.Core.Statistics;

/// <param name="Key">The category token (<c>memberState</c>, …).</param>
/// <param name="Name">Plural heading, as in the concept note's Table 1 ("Member States", "UN system", …).</param>
public sealed record CategoryStatistics(string Key, string Name, int Delegations, int Interventions, TimeSpan SpeakingTime, int Cards);
