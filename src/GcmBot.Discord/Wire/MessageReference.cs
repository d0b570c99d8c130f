namespace GcmBot.Discord.Wire;

/// <summary>Answers a message (a prefix command) as a reply to it.</summary>
internal sealed record MessageReference(string MessageId, bool FailIfNotExists = false);
