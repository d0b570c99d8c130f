namespace GcmBot.Discord.Wire;

/// <summary>A message to create or edit (channel messages, interaction responses, webhooks).</summary>
internal sealed record MessageBody(
    string? Content,
    IReadOnlyList<Embed>? Embeds,
    IReadOnlyList<Component>? Components,
    AllowedMentions AllowedMentions,
    int? Flags,
    IReadOnlyList<AttachmentSlot>? Attachments,
    MessageReference? MessageReference = null)
{
    public const int Ephemeral = 1 << 6;
}
