namespace GcmBot.Core.Statistics;

/// <summary>Everything the statistics page, the chat command and the CSV export show.</summary>
public sealed record MeetingStatistics(
    string Scope,
    StatisticsFigures Figures,
    IReadOnlyList<CategoryStatistics> Categories,
    IReadOnlyList<DelegationStatistics> Delegations,
    IReadOnlyList<SessionTime> Sessions,
    IReadOnlyList<UnreachedRequest> NotReached,
    IReadOnlyList<SessionCards> CardsBySession,
    IReadOnlyList<DayParticipation> Days);
