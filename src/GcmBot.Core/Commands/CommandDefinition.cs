using GcmBot.Core.Localisation;

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
    /// <summary>Only reads: runs on a snapshot, without waiting for the single writer.</summary>
    public bool ReadOnly { get; init; }

    public string Usage => CommandNames.Usage(Language.English, this);
}
