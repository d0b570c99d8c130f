using GcmBot.Core.Data;
using GcmBot.Core.Delivery;
using GcmBot.Core.Speaking;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GcmBot.Scheduling;

/// <summary>At start-up, plans the reminder before each coming session.</summary>
internal sealed class SessionReminderPlanner : IHostedService
{
    private readonly IMeetingStore _store;
    private readonly NoticeTimers _timers;
    private readonly TimeProvider _time;
    private readonly ReminderRules _rules;

    public SessionReminderPlanner(IMeetingStore store, NoticeTimers timers, TimeProvider time, IOptions<ReminderRules> rules)
    {
        _store = store;
        _timers = timers;
        _time = time;
        _rules = rules.Value;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var planned = await _store.ExecuteAsync((data, ct) => SessionReminders.PlanAsync(data, _time.GetUtcNow(), _rules, ct), cancellationToken);
        _timers.Arm([.. planned]);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
