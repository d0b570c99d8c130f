namespace GcmBot.Core.Domain;

/// <summary>
/// A message shown in a channel's own chat log (the web chat), kept so that a page that opens or reloads sees what
/// was said before: the room's public messages and the person's own private ones. Platforms with a history of their
/// own (Discord, Teams) need none.
/// </summary>
public sealed class ChatLogEntry
{
    public long Id { get; set; }

    public required string Channel { get; set; }

    /// <summary>The conversation it was shown in; empty for a direct message shown in whatever room the person has open.</summary>
    public required string ConversationId { get; set; }

    /// <summary>The external id of the only person who may see it; null when everyone in the conversation does.</summary>
    public string? Recipient { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The message as the channel renders it (the web chat's JSON).</summary>
    public required string Payload { get; set; }
}
