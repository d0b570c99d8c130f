namespace GcmBot.Discord.Wire;

internal sealed record EmbedField(string Name, string Value, bool Inline);
