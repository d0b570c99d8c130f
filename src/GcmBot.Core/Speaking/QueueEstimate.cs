namespace GcmBot.Core.Speaking;

/// <summary>When the waiting list would end, against the session's end, and what the moderator could do.</summary>
/// <param name="StakeholderReserve">Time kept for stakeholder slots nobody has asked for yet, out of what the waiting list leaves.</param>
/// <param name="StakeholderReserveWanted">What those slots would need in full.</param>
public sealed record QueueEstimate(
    int Waiting,
    int StakeholdersWaiting,
    TimeSpan StakeholderReserve,
    TimeSpan StakeholderReserveWanted,
    DateTimeOffset EstimatedEnd,
    DateTimeOffset SessionEnd,
    QueueAdvice Advice,
    int CanStillBeHeard);
