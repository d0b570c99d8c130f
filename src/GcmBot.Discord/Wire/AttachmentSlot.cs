namespace GcmBot.Discord.Wire;

/// <summary>Names the multipart part <c>files[Id]</c>.</summary>
internal sealed record AttachmentSlot(int Id, string Filename);
