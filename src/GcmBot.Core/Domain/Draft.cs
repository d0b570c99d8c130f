namespace GcmBot.Core.Domain;

/// <summary>The rapporteur's draft report of a session: one per session, replaced or edited in place.</summary>
public sealed class Draft
{
    public int Id { get; set; }
    public int SessionId { get; set; }

    /// <summary>The report as JSON (<see cref="Drafting.ReportJson"/>), with the sources of every point.</summary>
    public required string Content { get; set; }

    /// <summary>The report as shown and exported: the drafter's, or the rapporteur's edit of it.</summary>
    public required string Markdown { get; set; }

    /// <summary>The rapporteur changed it; <c>draft regenerate</c> then keeps it unless told to overwrite.</summary>
    public bool Edited { get; set; }

    /// <summary><c>extractive</c> or <c>llm</c>.</summary>
    public required string Drafter { get; set; }

    /// <summary>Why the draft is not what was asked for, e.g. the model failed and the extractive drafter stood in.</summary>
    public string? Note { get; set; }

    public int DraftedByParticipantId { get; set; }
    public DateTimeOffset DraftedAt { get; set; }
    public int? EditedByParticipantId { get; set; }
    public DateTimeOffset? EditedAt { get; set; }

    /// <summary>When it was last posted to the session's channels; cleared when the draft changes.</summary>
    public DateTimeOffset? PublishedAt { get; set; }
    public int? PublishedByParticipantId { get; set; }

    public bool IsPublished => PublishedAt is not null;
}
