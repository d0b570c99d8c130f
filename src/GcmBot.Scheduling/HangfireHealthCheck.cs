using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GcmBot.Scheduling;

/// <summary>Ready when Hangfire's storage answers and a Hangfire server (the backstop for timers) has a fresh heartbeat.</summary>
internal sealed class HangfireHealthCheck : IHealthCheck
{
    private static readonly TimeSpan _staleAfter = TimeSpan.FromMinutes(1);

    private readonly JobStorage _storage;

    public HangfireHealthCheck(JobStorage storage)
    {
        _storage = storage;
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // Hangfire stamps heartbeats with the machine's clock, not the meeting's (possibly rehearsal) clock.
        var now = DateTime.UtcNow;
        var servers = _storage.GetMonitoringApi().Servers();
        var alive = servers.Count(s => s.Heartbeat is { } beat && now - beat < _staleAfter);
        return Task.FromResult(alive > 0
            ? HealthCheckResult.Healthy($"{alive} Hangfire server(s) alive")
            : HealthCheckResult.Unhealthy("No Hangfire server has reported in the last minute."));
    }
}
