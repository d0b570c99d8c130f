using GcmBot.Core.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GcmBot.Host;

/// <summary>Ready when the database answers and a meeting is loaded.</summary>
internal sealed class DatabaseHealthCheck : IHealthCheck
{
    private readonly IMeetingStore _store;

    public DatabaseHealthCheck(IMeetingStore store)
    {
        _store = store;
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var meeting = await _store.ReadAsync((data, ct) => data.GetMeetingAsync(ct), cancellationToken);
        return meeting is null ? HealthCheckResult.Degraded("No meeting loaded.") : HealthCheckResult.Healthy(meeting.Title);
    }
}
