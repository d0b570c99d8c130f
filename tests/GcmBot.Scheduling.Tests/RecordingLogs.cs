using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace GcmBot.Scheduling.Tests;

/// <summary>Records the host's log events (category and event id), so a test can wait for one and count them.</summary>
public sealed class RecordingLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, int EventId)> _events = new();
    private readonly Lock _gate = new();
    private readonly List<(string Category, int EventId, TaskCompletionSource Seen)> _waiters = [];

    public int Count(string category, int eventId) => _events.Count(e => e.Category == category && e.EventId == eventId);

    /// <summary>Completes when the event has been logged (already, or later).</summary>
    public Task WhenLogged(string category, int eventId)
    {
        lock (_gate)
        {
            if (Count(category, eventId) > 0)
            {
                return Task.CompletedTask;
            }

            var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((category, eventId, seen));
            return seen.Task;
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Record(string category, int eventId)
    {
        lock (_gate)
        {
            _events.Enqueue((category, eventId));
            foreach (var waiter in _waiters.Where(w => w.Category == category && w.EventId == eventId).ToList())
            {
                waiter.Seen.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }

    private sealed class Logger(RecordingLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Record(category, eventId.Id);
    }
}
