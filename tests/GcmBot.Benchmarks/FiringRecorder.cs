using System.Collections.Concurrent;
using Hangfire.Server;
using Microsoft.Extensions.Logging;

namespace GcmBot.Benchmarks;

/// <summary>
/// Who fired each notice: NoticeService logs "Notice {NoticeId} fired" (event 1201) once, from the winner of the
/// claim; a global Hangfire filter marks the backstop job's flow, so a fire logged inside it was the backstop's,
/// any other an in-process timer's (armed by the command or by a sweep).
/// </summary>
internal sealed class FiringRecorder : ILoggerProvider, IServerFilter
{
    private static readonly AsyncLocal<bool> _inBackstop = new();

    private readonly ConcurrentDictionary<long, bool> _byBackstop = new();

    public int ByBackstop => _byBackstop.Count(f => f.Value);

    public int ByTimer => _byBackstop.Count(f => !f.Value);

    public ILogger CreateLogger(string categoryName) =>
        categoryName == "GcmBot.Core.Delivery.NoticeService" ? new Listener(this) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public void OnPerforming(PerformingContext context) => _inBackstop.Value = context.BackgroundJob.Job.Type.Name == "NoticeJob";

    public void OnPerformed(PerformedContext context) => _inBackstop.Value = false;

    public void Dispose()
    {
    }

    private sealed class Listener(FiringRecorder recorder) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Id == 1201 && state is IReadOnlyList<KeyValuePair<string, object?>> values
                && values.FirstOrDefault(v => v.Key == "NoticeId").Value is long noticeId)
            {
                recorder._byBackstop[noticeId] = _inBackstop.Value;
            }
        }
    }
}

/// <summary>Registers the recorder with Hangfire's global filters for the duration of a run.</summary>
internal sealed class GlobalFilterRegistration : IDisposable
{
    private readonly object _filter;

    public GlobalFilterRegistration(object filter)
    {
        _filter = filter;
        Hangfire.GlobalJobFilters.Filters.Add(filter);
    }

    public void Dispose() => Hangfire.GlobalJobFilters.Filters.Remove(_filter);
}
