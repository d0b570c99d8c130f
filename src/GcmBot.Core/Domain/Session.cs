namespace GcmBot.Core.Domain;

public sealed class Session
{
    public int Id { get; set; }
    public int MeetingId { get; set; }

    /// <summary>Short unique code used in commands, e.g. <c>AG1</c>.</summary>
    public required string Code { get; set; }
    public required string Title { get; set; }
    public SessionKind Kind { get; set; }

    /// <summary>1-based meeting day.</summary>
    public int Day { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public required string Room { get; set; }
    public string? Dimension { get; set; }
    public string Moderators { get; set; } = "";
    public string Rapporteurs { get; set; } = "";
    public string Description { get; set; } = "";

    /// <summary>Guiding questions, one per line.</summary>
    public string Questions { get; set; } = "";

    public SessionStatus Status { get; set; }
    public bool ListOpen { get; set; }

    /// <summary>The segment being heard: Member States first, then the stakeholder segment.</summary>
    public Segment CurrentSegment { get; set; } = Segment.Main;

    /// <summary>"Few speakers": statements may run three minutes instead of two.</summary>
    public bool Flexible { get; set; }
    public long? CurrentInterventionId { get; set; }
    public DateTimeOffset? OpenedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>
    /// Counts the changes to this session's speaker entries: storage raises it in the transaction of each change,
    /// so a copy of the waiting entries read at one version stays good until the next.
    /// </summary>
    public long ListVersion { get; set; }

    public bool IsOpen => Status == SessionStatus.Open;
}
