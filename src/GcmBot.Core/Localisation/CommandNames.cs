using GcmBot.Core.Commands;
using GcmBot.Core.Localisation.Commands;

namespace GcmBot.Core.Localisation;

/// <summary>
/// The command catalogue in the six languages: what each command, argument and argument word is called in a language,
/// and every spelling the parser accepts. English is the catalogue itself; the other five come from
/// <see cref="Translations"/>. Anything a translation lacks reads in English.
/// </summary>
public static class CommandNames
{
    public static IReadOnlyList<CommandLanguage> Translations { get; } =
        [ArabicCommands.Vocabulary, ChineseCommands.Vocabulary, FrenchCommands.Vocabulary, RussianCommands.Vocabulary, SpanishCommands.Vocabulary];

    /// <summary>Every spelling of every command in every language, one entry per distinct spelling of a command.</summary>
    public static IReadOnlyList<CommandSpelling> Spellings { get; } = BuildSpellings();

    private static readonly Dictionary<string, CommandLanguage> _byCode = Translations.ToDictionary(t => t.Language.Code);

    public static CommandLanguage? Of(Language language) => _byCode.GetValueOrDefault(language.Code);

    /// <summary>The command's name in the language, words separated by spaces (<c>prendre la parole</c>).</summary>
    public static string For(Language language, CommandId id) =>
        Of(language)?.Commands.GetValueOrDefault(id)?.Name ?? CommandCatalogue.Get(id).Name;

    public static string Summary(Language language, CommandId id) =>
        Of(language)?.Commands.GetValueOrDefault(id)?.Summary ?? CommandCatalogue.Get(id).Summary;

    public static string ArgumentName(Language language, CommandArgument argument) =>
        Of(language)?.ArgumentNames.GetValueOrDefault(argument.Name) ?? argument.Name;

    public static string Description(Language language, CommandArgument argument) =>
        Of(language)?.Descriptions.GetValueOrDefault(argument.Description) ?? argument.Description;

    /// <summary>How the language shows an argument word (a choice, a term or a keyword such as <c>as</c>).</summary>
    public static string Word(Language language, string english) =>
        Of(language)?.Words.GetValueOrDefault(english) is [var first, ..] ? first : english;

    /// <summary>The command's usage line in the language, as <see cref="CommandDefinition.Usage"/> is in English.</summary>
    public static string Usage(Language language, CommandDefinition definition) =>
        string.Join(' ', [Of(language)?.Commands.GetValueOrDefault(definition.Id)?.Name ?? definition.Name, .. definition.Arguments.Select(a => Describe(language, a))]);

    /// <summary>The command a person named, in any language (<c>hablar</c>, <c>point-of-order</c>, <c>Motion d’ordre</c>); null if none.</summary>
    public static CommandDefinition? Find(string name)
    {
        var typed = CommandParser.NormaliseName(name);
        return Spellings.FirstOrDefault(s => s.Text == typed)?.Command;
    }

    /// <summary>
    /// The English word a typed argument word stands for, among <paramref name="english"/> (an argument's choices or
    /// terms), in the given languages or English: exact (case and accents aside), else the only one it begins; null otherwise.
    /// </summary>
    public static string? Canonical(IReadOnlyList<string> english, string typed, IReadOnlyList<Language> languages)
    {
        var folded = CommandParser.NormaliseName(typed);
        var spelled = english.SelectMany(e => SpellingsOf(e, languages).Select(s => (English: e, Spelling: s))).ToList();
        var exact = spelled.Where(s => s.Spelling == folded).Select(s => s.English).Distinct().ToList();
        if (exact.Count == 1)
        {
            return exact[0];
        }

        var prefixed = folded.Length < 2 ? [] : spelled.Where(s => s.Spelling.StartsWith(folded, StringComparison.Ordinal)).Select(s => s.English).Distinct().ToList();
        return prefixed.Count == 1 ? prefixed[0] : null;
    }

    /// <summary>The folded spellings of an English argument word: itself and its translations in the given languages.</summary>
    public static IEnumerable<string> SpellingsOf(string english, IReadOnlyList<Language> languages) =>
        [CommandParser.NormaliseName(english), .. languages.SelectMany(l => Of(l)?.Words.GetValueOrDefault(english) ?? []).Select(CommandParser.NormaliseName)];

    private static string Describe(Language language, CommandArgument argument)
    {
        var shown = argument.Choices is { Count: > 0 } && argument.Kind == ArgumentKind.Choice
            ? string.Join('|', argument.Choices.Select(c => Word(language, c)))
            : $"<{ArgumentName(language, argument)}>";
        if (argument.Keyword is not null)
        {
            shown = $"{Word(language, argument.Keyword)} {shown}";
        }

        return argument.Required ? shown : $"[{shown}]";
    }

    private static List<CommandSpelling> BuildSpellings()
    {
        var spellings = new List<CommandSpelling>();
        foreach (var definition in CommandCatalogue.All)
        {
            var names = new List<(string Text, Language Language)> { (CommandParser.NormaliseName(definition.Name), Language.English) };
            foreach (var translation in Translations)
            {
                if (translation.Commands.GetValueOrDefault(definition.Id) is { } text)
                {
                    names.AddRange(new[] { text.Name }.Concat(text.Aliases).Select(n => (CommandParser.NormaliseName(n), translation.Language)));
                }
            }

            spellings.AddRange(names.GroupBy(n => n.Text).Select(g =>
                new CommandSpelling(definition, g.Key.Split(' '), [.. g.Select(n => n.Language).Distinct()])));
        }

        return spellings;
    }
}
