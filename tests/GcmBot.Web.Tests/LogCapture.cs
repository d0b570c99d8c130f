using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace GcmBot.Web.Tests;

/// <summary>Keeps the host's log lines so a test can wait for one (the printed organiser link).</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly List<(string Prefix, TaskCompletionSource<string> Found)> _waiting = [];

    public IReadOnlyCollection<string> Lines => _lines;

    /// <summary>The first line that starts with <paramref name="prefix"/>, now or when it is logged.</summary>
    public Task<string> WaitForAsync(string prefix, CancellationToken cancellationToken)
    {
        var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiting)
        {
            if (_lines.FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal)) is { } line)
            {
                return Task.FromResult(line);
            }

            _waiting.Add((prefix, found));
        }

        return found.Task.WaitAsync(cancellationToken);
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private void Add(string line)
    {
        lock (_waiting)
        {
            _lines.Enqueue(line);
            foreach (var (prefix, found) in _waiting.Where(w => line.StartsWith(w.Prefix, StringComparison.Ordinal)))
            {
                found.TrySetResult(line);
            }
        }
    }

    private sealed class Logger(LogCapture capture) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            capture.Add(formatter(state, exception));
    }
}
