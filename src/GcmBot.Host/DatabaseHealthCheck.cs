using GcmBot.Core.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GcmBot.Host;

/// <summary>
/// Ready when a write commits and a meeting is loaded. A read alone stays fine on a full disk while every write fails,
/// so each check commits a small write of its own; it is healthy again as soon as writes work, without a restart.
/// </summary>
internal sealed class DatabaseHealthCheck : IHealthCheck
{
    private readonly IMeetingStore _store;

    public DatabaseHealthCheck(IMeetingStore store)
    {
        _store = store;
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await _store.ProbeWritesAsync(cancellationToken);
            var meeting = await _store.ReadAsync((data, ct) => data.GetMeetingAsync(ct), cancellationToken);
            return meeting is null ? HealthCheckResult.Degraded("No meeting loaded.") : HealthCheckResult.Healthy(meeting.Title);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // The reason without its stack trace: an orchestrator asks every few seconds for as long as the outage lasts.
            return HealthCheckResult.Unhealthy($"Writes to the database fail: {failure.GetBaseException().Message}");
        }
    }
}
