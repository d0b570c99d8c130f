using System.Collections.Frozen;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace GcmBot.Core.Telemetry;

/// <summary>
/// The bot's own instruments, on the <see cref="MeterName"/> meter: what a secretariat watches during
/// a meeting (commands per second and their latency, timer lateness, speakers-list lengths).
/// </summary>
public sealed class GcmMetrics
{
    public const string MeterName = "GcmBot";

    private readonly Counter<long> _commands;
    private readonly Histogram<double> _commandDuration;
    private readonly Histogram<double> _noticeLateness;
    private volatile FrozenDictionary<string, int> _waiting = FrozenDictionary<string, int>.Empty;

    public GcmMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _commands = meter.CreateCounter<long>("gcmbot.commands", "{command}", "Commands handled, by command, channel and outcome.");
        _commandDuration = meter.CreateHistogram<double>(
            "gcmbot.command.duration",
            "s",
            "Time to handle a command, from parse to committed result.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] });
        _noticeLateness = meter.CreateHistogram<double>(
            "gcmbot.notice.lateness",
            "s",
            "How long after its due time a timer warning, expiry, reminder or broadcast was claimed.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15] });
        meter.CreateObservableGauge("gcmbot.speakers.waiting", ObserveWaiting, "{delegation}", "Delegations waiting on the speakers list of each open session.");
    }

    public void CommandHandled(string command, string channel, string outcome, TimeSpan elapsed)
    {
        var tags = new TagList { { "command", command }, { "channel", channel }, { "outcome", outcome } };
        _commands.Add(1, tags);
        _commandDuration.Record(elapsed.TotalSeconds, tags);
    }

    public void NoticeFired(string kind, TimeSpan lateness) =>
        _noticeLateness.Record(Math.Max(0, lateness.TotalSeconds), new KeyValuePair<string, object?>("kind", kind));

    /// <summary>Replaces the sampled list lengths, keyed by session code.</summary>
    public void SetWaiting(IReadOnlyDictionary<string, int> waitingBySession) => _waiting = waitingBySession.ToFrozenDictionary();

    private IEnumerable<Measurement<int>> ObserveWaiting() =>
        _waiting.Select(pair => new Measurement<int>(pair.Value, new KeyValuePair<string, object?>("session", pair.Key)));
}
