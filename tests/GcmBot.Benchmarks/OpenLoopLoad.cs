using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace GcmBot.Benchmarks;

/// <summary>
/// Sends commands at a fixed rate whatever the server's speed (open loop), and measures each one from the
/// instant it was scheduled: a request that could not leave on time counts its waiting as latency.
/// </summary>
internal sealed class OpenLoopLoad
{
    private static readonly (string Command, int Weight)[] _mix = [("/queue", 40), ("/speak", 25), ("/withdraw", 20), ("/agenda now", 10), ("/next", 5)];

    private readonly HttpClient _client;
    private readonly LoadClients _clients;
    private readonly LoadOptions _options;

    public OpenLoopLoad(HttpClient client, LoadClients clients, LoadOptions options)
    {
        _client = client;
        _clients = clients;
        _options = options;
    }

    /// <summary>Runs the load for <paramref name="seconds"/> (the options' duration by default).</summary>
    public async Task<IReadOnlyList<Sample>> RunAsync(int? seconds = null)
    {
        var total = _options.Rate * (seconds ?? _options.Seconds);
        var random = new Random(20171205);
        var plan = Enumerable.Range(0, total).Select(_ => Pick(random, _clients)).ToList();
        var samples = new ConcurrentBag<Sample>();
        var start = Stopwatch.GetTimestamp();
        var next = 0;
        await Pacer.SendAllAsync(_options.Rate, total, start, scheduled =>
        {
            var (command, token) = plan[next++];
            return SendAsync(command, token, scheduled, samples);
        });

        Elapsed = Stopwatch.GetElapsedTime(start);
        return [.. samples];
    }

    public TimeSpan Elapsed { get; private set; }

    /// <summary>One command of the mix, with the identity that sends it.</summary>
    public static (string Command, string Token) Pick(Random random, LoadClients clients)
    {
        var roll = random.Next(100);
        foreach (var (command, weight) in _mix)
        {
            if (roll < weight)
            {
                return (command, command == "/next" ? clients.Moderator : clients.Delegates[random.Next(clients.Delegates.Count)]);
            }

            roll -= weight;
        }

        throw new InvalidOperationException("The mix does not add up to 100.");
    }

    private async Task SendAsync(string command, string token, long scheduled, ConcurrentBag<Sample> samples)
    {
        var late = Stopwatch.GetElapsedTime(scheduled).TotalMilliseconds;
        var httpError = false;
        var refused = false;
        try
        {
            using var request = Commands.Request(token, command);
            using var response = await _client.SendAsync(request);
            await using var body = await response.Content.ReadAsStreamAsync();
            httpError = !response.IsSuccessStatusCode;
            if (!httpError)
            {
                using var json = await JsonDocument.ParseAsync(body);
                refused = json.RootElement.GetProperty("messages")[1].GetProperty("isError").GetBoolean();
            }
        }
        catch (HttpRequestException)
        {
            httpError = true;
        }
        catch (TaskCanceledException)
        {
            httpError = true;
        }

        samples.Add(new Sample(command, Stopwatch.GetElapsedTime(scheduled).TotalMilliseconds, late, httpError, refused));
    }
}
