using GcmBot.Core.Commands;

namespace GcmBot.Core.Localisation;

/// <summary>One way to type a command: its words as <see cref="CommandParser.NormaliseName"/> folds them, and the languages that spell it so.</summary>
public sealed record CommandSpelling(CommandDefinition Command, IReadOnlyList<string> Words, IReadOnlyList<Language> Languages)
{
    public string Text => string.Join(' ', Words);
}
