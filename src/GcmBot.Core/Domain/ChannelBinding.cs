namespace GcmBot.Core.Domain;

/// <summary>
/// Ties a chat conversation to one session, or to a room (then it follows whichever session runs there).
/// </summary>
public sealed class ChannelBinding
{
    public int Id { get; set; }
    public required string Channel { get; set; }
    public required string ConversationId { get; set; }
    public int? SessionId { get; set; }
    public string? Room { get; set; }

    /// <summary>Adapter-specific data needed to post proactively into the conversation.</summary>
    public string? Reference { get; set; }
    public DateTimeOffset BoundAt { get; set; }

    /// <summary>The language of what is posted into the room (notices, announcements); null: the meeting's.</summary>
    public string? Language { get; set; }
}
