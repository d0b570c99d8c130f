using System.Diagnostics;

namespace GcmBot.Benchmarks;

/// <summary>Open-loop pacing: requests leave at a fixed rate whatever the server's speed.</summary>
internal static class Pacer
{
    /// <summary>
    /// Starts <paramref name="total"/> sends, the i-th scheduled at <paramref name="start"/> + i / rate, and waits for all
    /// of them. Each send gets its scheduled timestamp, to measure from it: a request that could not leave on time
    /// counts its waiting as latency.
    /// </summary>
    public static async Task SendAllAsync(int rate, int total, long start, Func<long, Task> send)
    {
        var inFlight = new List<Task>(total);
        var ticksPerRequest = (double)Stopwatch.Frequency / rate;
        for (var i = 0; i < total; i++)
        {
            var scheduled = start + (long)(i * ticksPerRequest);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), scheduled);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                // Pacing only: the delay decides when to send, never what is measured.
                await Task.Delay(wait);
            }

            inFlight.Add(send(scheduled));
        }

        await Task.WhenAll(inFlight);
    }
}
