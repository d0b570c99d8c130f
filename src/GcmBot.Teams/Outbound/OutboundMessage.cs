using GcmBot.Teams.Wire;

namespace GcmBot.Teams.Outbound;

/// <summary>
/// An activity waiting to go out through the connector: into <see cref="Target"/>'s conversation (as a
/// reply to <see cref="ReplyToId"/> when set), or into a new personal conversation with <see cref="DirectTo"/>.
/// </summary>
internal sealed record OutboundMessage(ConversationReference Target, Activity Activity)
{
    public string? ReplyToId { get; init; }
    public ChannelAccount? DirectTo { get; init; }

    /// <summary>Sends to one conversation keep their order; this is the lane they queue in.</summary>
    public string Lane => DirectTo?.Id is { } user ? "direct:" + user : Target.ConversationId;
}
