namespace GcmBot.Discord.Wire;

internal sealed record Embed(string? Title, string? Description, IReadOnlyList<EmbedField>? Fields, int? Color);
