namespace GcmBot.Core.Commands;

/// <summary>One entry of the command catalogue.</summary>
public sealed record CommandDefinition(
    CommandId Id,
    string Name,
    Access Access,
    string Group,
    string Summary,
    IReadOnlyList<CommandArgument> Arguments,
    IReadOnlyList<string> Examples)
{
    public IReadOnlyList<string> Words { get; } = Name.Split(' ');

    /// <summary>Only reads: runs on a snapshot, without waiting for the single writer.</summary>
    public bool ReadOnly { get; init; }

    public string Usage => string.Join(' ', [Name, .. Arguments.Select(Describe)]);

    private static string Describe(CommandArgument argument)
    {
        var shown = argument.Choices is { Count: > 0 } && argument.Kind == ArgumentKind.Choice
            ? string.Join('|', argument.Choices)
            : $"<{argument.Name}>";
        if (argument.Keyword is not null)
        {
            shown = $"{argument.Keyword} {shown}";
        }

        return argument.Required ? shown : $"[{shown}]";
    }
}
