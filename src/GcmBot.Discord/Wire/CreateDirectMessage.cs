namespace GcmBot.Discord.Wire;

internal sealed record CreateDirectMessage(string RecipientId);
