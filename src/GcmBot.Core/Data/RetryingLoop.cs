using Microsoft.Extensions.Logging;

namespace GcmBot.Core.Data;

/// <summary>
/// The one way a background loop runs periodic database work: a failure (the database down, the disk full)
/// never ends the loop, and so never the host; it is logged once when an outage starts and once when it ends,
/// not at every tick, and the wait between attempts grows while it lasts.
/// </summary>
public static partial class RetryingLoop
{
    /// <summary>The longest wait while failing, in intervals: gentle on a database that is down, quick to resume after.</summary>
    private const int MaxBackoff = 4;

    public static async Task RunAsync(string name, TimeSpan firstAfter, TimeSpan interval, TimeProvider time, ILogger logger, Func<CancellationToken, Task> work, CancellationToken stoppingToken)
    {
        var failures = 0;
        var wait = firstAfter;
        try
        {
            while (true)
            {
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, stoppingToken);
                }

                try
                {
                    await work(stoppingToken);
                    if (failures > 0)
                    {
                        LogRecovered(logger, name, failures);
                    }

                    failures = 0;
                }
                catch (Exception failure) when (!stoppingToken.IsCancellationRequested)
                {
                    if (failures == 0)
                    {
                        LogFailing(logger, failure, name);
                    }

                    failures++;
                }

                wait = interval * Math.Min(failures + 1, MaxBackoff);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    [LoggerMessage(EventId = 1501, Level = LogLevel.Warning, Message = "{Loop} failed; retrying with back-off, and logging again only when it works")]
    private static partial void LogFailing(ILogger logger, Exception exception, string loop);

    [LoggerMessage(EventId = 1502, Level = LogLevel.Information, Message = "{Loop} works again after {Failures} failed attempt(s)")]
    private static partial void LogRecovered(ILogger logger, string loop, int failures);
}
