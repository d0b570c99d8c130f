namespace GcmBot.Core.Handling;

/// <summary>A polite refusal: the message goes back to the user and the transaction is rolled back.</summary>
public sealed class CommandException : Exception
{
    public CommandException(string message)
        : base(message)
    {
    }

    public CommandException()
    {
    }

    public CommandException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
