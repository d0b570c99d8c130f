using GcmBot.Core.Localisation;

namespace GcmBot.Core.Commands;

public sealed record ParsedCommand(CommandDefinition Definition, IReadOnlyDictionary<string, string> Arguments)
{
    /// <summary>The language the command's name was typed in (English when the name is English too, as <c>agenda</c> is).</summary>
    public Language Language { get; init; } = Language.English;

    public string? this[string name] => Arguments.TryGetValue(name, out var value) ? value : null;

    public int? Number(string name) => this[name] is { } text ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : null;

    public TimeSpan? Duration(string name) => this[name] is { } text && DurationParser.TryParse(text, out var value) ? value : null;
}
