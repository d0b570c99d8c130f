using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using GcmBot.Core.Telemetry;

namespace GcmBot.Benchmarks;

/// <summary>
/// What the host itself reports during a run: the time <c>CommandService</c> spent on each command (the
/// <c>gcmbot.command.duration</c> histogram the host publishes) and the garbage collector's pauses. Set against the
/// end-to-end latencies, it tells how much of the tail is the command and how much HTTP, threads and collections.
/// </summary>
internal sealed class ServerSide : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<double> _commandMs = new();
    private readonly TimeSpan _pausedBefore = GC.GetTotalPauseDuration();
    private readonly int _collectionsBefore = GC.CollectionCount(0);

    public ServerSide()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == GcmMetrics.MeterName && instrument.Name == "gcmbot.command.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, seconds, _, _) => _commandMs.Enqueue(seconds * 1000));
        _listener.Start();
    }

    /// <summary>Milliseconds each command spent in <c>CommandService</c>, storage included.</summary>
    public IReadOnlyCollection<double> CommandMs => _commandMs;

    public TimeSpan GcPaused => GC.GetTotalPauseDuration() - _pausedBefore;

    /// <summary>Collections of any generation (each counts as a gen-0 one too).</summary>
    public int Collections => GC.CollectionCount(0) - _collectionsBefore;

    public void Dispose() => _listener.Dispose();
}
