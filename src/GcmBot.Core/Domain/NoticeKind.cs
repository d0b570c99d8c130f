namespace GcmBot.Core.Domain;

public enum NoticeKind
{
    TimerWarning = 0,
    TimerExpiry = 1,

    /// <summary>A delegate's own reminder of a session.</summary>
    Reminder = 2,

    /// <summary>To the bound channels, before a session starts.</summary>
    SessionReminder = 3,

    /// <summary>To the moderator: time to start the stakeholder segment.</summary>
    StakeholderSegment = 4,

    /// <summary>To the moderator: the session's time is nearly up.</summary>
    SessionEnding = 5,
    Broadcast = 6,

    /// <summary>To a delegation's focal point or an organiser: someone asks to join it (composed with Approve / Decline while it waits).</summary>
    DelegationRequest = 7,

    /// <summary>To one person: a message written when it was scheduled (an answer to their request to join a delegation).</summary>
    Personal = 8,
}
