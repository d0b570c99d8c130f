namespace GcmBot.Core.Commands;

public sealed record ParsedCommand(CommandDefinition Definition, IReadOnlyDictionary<string, string> Arguments)
{
    public string? this[string name] => Arguments.TryGetValue(name, out var value) ? value : null;

    public int? Number(string name) => this[name] is { } text ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : null;

    public TimeSpan? Duration(string name) => this[name] is { } text && DurationParser.TryParse(text, out var value) ? value : null;
}
