using System.Diagnostics;
using System.Runtime.InteropServices;

namespace GcmBot.Benchmarks;

/// <summary>
/// Open-loop pacing: requests leave at a fixed rate whatever the server's speed. The schedule is kept by a thread of its
/// own that sleeps until each send time with <c>clock_nanosleep</c> on the monotonic clock: .NET's timers (and so
/// <c>Task.Delay</c>) fire about a millisecond late, plus a wait for a pool thread, so requests left in bursts, up to
/// 4 ms late, and that lateness counted as latency.
/// </summary>
internal static partial class Pacer
{
    private const int ClockMonotonic = 1;
    private const int AbsoluteTime = 1;
    private const int Interrupted = 4;

    /// <summary>
    /// Starts <paramref name="total"/> sends, the i-th scheduled at <paramref name="start"/> + i / rate, and waits for all
    /// of them. Each send gets its scheduled timestamp, to measure from it: a request that could not leave on time
    /// counts its waiting as latency.
    /// </summary>
    public static async Task SendAllAsync(int rate, int total, long start, Func<long, Task> send)
    {
        // Stopwatch timestamps are CLOCK_MONOTONIC nanoseconds on Linux: the schedule is in the sleep's own clock.
        if (!OperatingSystem.IsLinux() || Stopwatch.Frequency != 1_000_000_000)
        {
            throw new PlatformNotSupportedException("The load generator paces on Linux's monotonic clock.");
        }

        var started = new TaskCompletionSource<Task[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        var ticksPerRequest = (double)Stopwatch.Frequency / rate;
        var pacing = new Thread(() =>
        {
            try
            {
                var inFlight = new Task[total];
                for (var i = 0; i < total; i++)
                {
                    var scheduled = start + (long)(i * ticksPerRequest);
                    SleepUntil(scheduled);
                    inFlight[i] = send(scheduled);
                }

                started.SetResult(inFlight);
            }
            catch (Exception failure)
            {
                started.SetException(failure);
            }
        })
        { IsBackground = true, Name = "Load pacer" };
        pacing.Start();
        await Task.WhenAll(await started.Task);
    }

    private static void SleepUntil(long timestamp)
    {
        var deadline = new Timespec { Seconds = timestamp / 1_000_000_000, Nanoseconds = timestamp % 1_000_000_000 };
        int result;
        while ((result = ClockNanosleep(ClockMonotonic, AbsoluteTime, ref deadline, IntPtr.Zero)) == Interrupted)
        {
        }

        if (result != 0)
        {
            throw new InvalidOperationException($"clock_nanosleep failed with error {result}.");
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_nanosleep")]
    private static partial int ClockNanosleep(int clock, int flags, ref Timespec deadline, IntPtr remaining);
}
