namespace GcmBot.Core.Replies;

public enum Visibility
{
    /// <summary>Everyone in the conversation sees it.</summary>
    Conversation = 0,

    /// <summary>Only the person who asked (ephemeral on Discord, a personal reply elsewhere).</summary>
    Private = 1,
}
