namespace GcmBot.Discord.Wire;

internal sealed record AutocompleteData(IReadOnlyList<CommandChoice> Choices);
