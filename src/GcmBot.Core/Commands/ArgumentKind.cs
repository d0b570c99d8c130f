namespace GcmBot.Core.Commands;

public enum ArgumentKind
{
    /// <summary>The rest of the line, verbatim.</summary>
    Text,

    /// <summary>One or more words naming a delegation.</summary>
    Delegation,

    /// <summary>One or more words naming a session (code or title) or a room.</summary>
    Session,

    /// <summary>One or more words naming a participant (display name or chat mention).</summary>
    User,

    /// <summary>A single token from <see cref="CommandArgument.Choices"/>.</summary>
    Choice,
    Number,
    Duration,

    /// <summary>A single token the handler interprets (e.g. a time of day).</summary>
    Word,
}
