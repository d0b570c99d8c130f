using GcmBot.Core.Commands;
using GcmBot.Discord.Wire;

namespace GcmBot.Discord.Interactions;

/// <summary>
/// The slash commands, generated from the command catalogue: one per command, with spaces as hyphens
/// (<c>/session-open</c>, <c>/point-of-order</c>; the parser reads hyphens as spaces).
/// </summary>
internal static class SlashCommands
{
    private const int MaxDescription = 100;

    public static IReadOnlyList<ApplicationCommand> Build() =>
        [.. CommandCatalogue.All.Select(c => new ApplicationCommand(
            NameOf(c),
            Fit(c.Summary),
            [.. c.Arguments.OrderByDescending(a => a.Required).Select(Option)]))];

    public static string NameOf(CommandDefinition command) => command.Name.Replace(' ', '-');

    private static ApplicationCommandOption Option(CommandArgument argument) => argument.Kind switch
    {
        ArgumentKind.Number => new(ApplicationCommandOption.Integer, argument.Name, Fit(argument.Description), argument.Required) { MinValue = 0 },
        ArgumentKind.User => new(ApplicationCommandOption.User, argument.Name, Fit(argument.Description), argument.Required),
        ArgumentKind.Choice when argument.Choices is { Count: > 0 and <= 25 } choices =>
            new(ApplicationCommandOption.String, argument.Name, Fit(argument.Description), argument.Required) { Choices = [.. choices.Select(c => new CommandChoice(c, c))] },
        ArgumentKind.Session or ArgumentKind.Delegation =>
            new(ApplicationCommandOption.String, argument.Name, Fit(argument.Description), argument.Required) { Autocomplete = true },
        _ => new(ApplicationCommandOption.String, argument.Name, Fit(argument.Description), argument.Required),
    };

    private static string Fit(string text) => text.Length <= MaxDescription ? text : string.Concat(text.AsSpan(0, MaxDescription - 1), "…");
}
