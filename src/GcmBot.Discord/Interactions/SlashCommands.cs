using System.Text.RegularExpressions;
using GcmBot.Core.Commands;
using GcmBot.Core.Localisation;
using GcmBot.Discord.Wire;

namespace GcmBot.Discord.Interactions;

/// <summary>
/// The slash commands, generated from the command catalogue: one per command, with spaces as hyphens
/// (<c>/session-open</c>, <c>/point-of-order</c>; the parser reads hyphens as spaces), named and described in each
/// language Discord has a locale for (<c>/prendre-la-parole</c>, <c>/hablar</c>). Discord shows a person the names of
/// their client's language and sends the interaction with the English ones, so handling is the same in every language.
/// </summary>
internal static partial class SlashCommands
{
    private const int MaxDescription = 100;

    public static IReadOnlyList<ApplicationCommand> Build() =>
        [.. CommandCatalogue.All.Select(c => new ApplicationCommand(
            NameOf(c),
            Fit(c.Summary),
            [.. c.Arguments.OrderByDescending(a => a.Required).Select(Option)])
        {
            NameLocalizations = Localised(l => NameOf(CommandNames.For(l, c.Id))),
            DescriptionLocalizations = Localised(l => Fit(CommandNames.Summary(l, c.Id))),
        })];

    public static string NameOf(CommandDefinition command) => NameOf(command.Name);

    /// <summary>Discord's form of a name: lower case, one word, spaces and apostrophes as hyphens (<c>motion-d-ordre</c>).</summary>
    private static string NameOf(string name) => Separators().Replace(name.Trim().ToLowerInvariant(), "-");

    private static ApplicationCommandOption Option(CommandArgument argument)
    {
        var option = argument.Kind switch
        {
            ArgumentKind.Number => new(ApplicationCommandOption.Integer, argument.Name, Fit(argument.Description), argument.Required) { MinValue = 0 },
            ArgumentKind.User => new(ApplicationCommandOption.User, argument.Name, Fit(argument.Description), argument.Required),
            ArgumentKind.Choice when argument.Choices is { Count: > 0 and <= 25 } choices =>
                new(ApplicationCommandOption.String, argument.Name, Fit(argument.Description), argument.Required)
                {
                    Choices = [.. choices.Select(c => new CommandChoice(c, c) { NameLocalizations = Localised(l => CommandNames.Word(l, c)) })],
                },
            ArgumentKind.Session or ArgumentKind.Delegation =>
                new(ApplicationCommandOption.String, argument.Name, Fit(argument.Description), argument.Required) { Autocomplete = true },
            _ => new ApplicationCommandOption(ApplicationCommandOption.String, argument.Name, Fit(argument.Description), argument.Required),
        };
        return option with
        {
            NameLocalizations = Localised(l => NameOf(CommandNames.ArgumentName(l, argument))),
            DescriptionLocalizations = Localised(l => Fit(CommandNames.Description(l, argument))),
        };
    }

    /// <summary>The text for each Discord locale of each language but English (the default names are English).</summary>
    private static Dictionary<string, string> Localised(Func<Language, string> text) =>
        Language.All.Where(l => l != Language.English)
            .SelectMany(l => l.DiscordLocales.Select(locale => (Locale: locale, Text: text(l))))
            .ToDictionary(p => p.Locale, p => p.Text);

    private static string Fit(string text) => text.Length <= MaxDescription ? text : string.Concat(text.AsSpan(0, MaxDescription - 1), "…");

    [GeneratedRegex(@"[\s'’]+")]
    private static partial Regex Separators();
}
