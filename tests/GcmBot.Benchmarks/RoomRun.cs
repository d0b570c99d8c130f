using System.Collections.Concurrent;
using System.Diagnostics;

namespace GcmBot.Benchmarks;

/// <summary>
/// What one phase of the room benchmark (the warm-up, then the measured run) sent and what every page received:
/// per page, how many times each chat message arrived, and when its panel caught up with each list change.
/// </summary>
internal sealed class RoomRun
{
    private readonly int[] _received;
    private readonly long[] _changeScheduled;
    private int _changesSent;

    public RoomRun(int phase, int pages, int messages, IReadOnlyList<RoomChange> changes)
    {
        Phase = phase;
        Pages = pages;
        Messages = messages;
        Changes = changes;
        _received = new int[pages * messages];
        _changeScheduled = new long[changes.Count];
        LiveMs = NewTimes(pages, changes.Count);
        PanelMs = NewTimes(pages, changes.Count);
        Other = [.. Enumerable.Range(0, pages).Select(_ => new ConcurrentDictionary<Guid, int>())];
    }

    public int Phase { get; }

    public int Pages { get; }

    /// <summary>Chat messages this phase sends (numbered from 0).</summary>
    public int Messages { get; }

    public IReadOnlyList<RoomChange> Changes { get; }

    /// <summary>Changes sent so far: a page checks its state against the next one only once it is sent.</summary>
    public int ChangesSent => Volatile.Read(ref _changesSent);

    /// <summary>[change][page]: ms from the change's scheduled time until the page's pushed room state showed it (NaN: never).</summary>
    public double[][] LiveMs { get; }

    /// <summary>[change][page]: the same for the page's own place and list (its <c>/api/web/queue</c> refresh).</summary>
    public double[][] PanelMs { get; }

    /// <summary>Per page, the public messages other than chat remarks (the commands' echoes and replies), by id.</summary>
    public IReadOnlyList<ConcurrentDictionary<Guid, int>> Other { get; }

    /// <summary>Ids of the commands' public messages, from their answers: every page should get each once.</summary>
    public ConcurrentDictionary<Guid, byte> ExpectedOther { get; } = new();

    public ConcurrentBag<double> QueueRefreshMs { get; } = [];

    /// <summary>The list changes' answers.</summary>
    public ConcurrentBag<RoomSample> CommandSamples { get; } = [];

    public void Received(int page, int message) => Interlocked.Increment(ref _received[(page * Messages) + message]);

    public int Count(int page, int message) => Volatile.Read(ref _received[(page * Messages) + message]);

    public long TotalReceived() => _received.Sum(c => (long)c);

    public void ChangeSending(int index, long scheduled)
    {
        _changeScheduled[index] = scheduled;
        Volatile.Write(ref _changesSent, index + 1);
    }

    public double SinceChange(int index) => Stopwatch.GetElapsedTime(_changeScheduled[index]).TotalMilliseconds;

    private static double[][] NewTimes(int pages, int changes) =>
        [.. Enumerable.Range(0, changes).Select(_ => Enumerable.Repeat(double.NaN, pages).ToArray())];
}
