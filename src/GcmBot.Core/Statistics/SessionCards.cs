namespace GcmBot.Core.Statistics;

/// <summary>Recommendation cards received in one session (action group), withdrawn cards excluded.</summary>
public sealed record SessionCards(string Code, string Title, int Cards, int Delegations);
