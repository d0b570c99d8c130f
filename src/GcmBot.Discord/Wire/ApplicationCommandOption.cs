namespace GcmBot.Discord.Wire;

/// <param name="Type">3 string, 4 integer, 6 user.</param>
internal sealed record ApplicationCommandOption(int Type, string Name, string Description, bool Required)
{
    public const int String = 3;
    public const int Integer = 4;
    public const int User = 6;

    public IReadOnlyList<CommandChoice>? Choices { get; init; }
    public bool? Autocomplete { get; init; }
    public int? MinValue { get; init; }

    public IReadOnlyDictionary<string, string>? NameLocalizations { get; init; }

    public IReadOnlyDictionary<string, string>? DescriptionLocalizations { get; init; }
}
