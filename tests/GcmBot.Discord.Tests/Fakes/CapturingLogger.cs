using Microsoft.Extensions.Logging;

namespace GcmBot.Discord.Tests.Fakes;

/// <summary>Keeps log entries so a test can check what an operator would read.</summary>
public sealed class CapturingLogger<T> : ILogger<T>
{
    public Recorder<(LogLevel Level, EventId Event, string Message)> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Add((logLevel, eventId, formatter(state, exception)));
}
