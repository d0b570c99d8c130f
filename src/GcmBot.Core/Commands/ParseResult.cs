namespace GcmBot.Core.Commands;

/// <summary>Either a command or a polite explanation of what was wrong with the input.</summary>
public sealed record ParseResult(ParsedCommand? Command, ParseError? Error)
{
    public static ParseResult Ok(ParsedCommand command) => new(command, null);

    public static ParseResult Fail(ParseError error) => new(null, error);
}
