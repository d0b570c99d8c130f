namespace GcmBot.Core.Speaking;

/// <summary>When the waiting list would end, against the session's end, and what the moderator could do.</summary>
public sealed record QueueEstimate(
    int Waiting,
    int StakeholdersWaiting,
    TimeSpan StakeholderReserve,
    DateTimeOffset EstimatedEnd,
    DateTimeOffset SessionEnd,
    QueueAdvice Advice,
    int CanStillBeHeard);
