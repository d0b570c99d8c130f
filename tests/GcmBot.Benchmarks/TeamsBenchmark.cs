using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace GcmBot.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/GcmBot.Benchmarks -- teams [--rate 200] [--seconds 20] [--identities 90]</c>:
/// Bot Framework activities (channel messages @mentioning the bot) posted open loop to <c>/api/messages</c> on
/// loopback, replies collected by a stand-in connector. Reports the HTTP acknowledgement latency of
/// <c>/api/messages</c> and the time until the reply reached the connector, both from the scheduled send time.
/// </summary>
internal static class TeamsBenchmark
{
    private const string Organiser = "29:bench-organiser";
    private const string Channel = "19:bench@thread.tacv2";
    private static readonly (string Command, int Weight)[] _mix = [("queue", 40), ("speak", 25), ("withdraw", 20), ("agenda now", 10), ("whoami", 5)];

    public static async Task<int> RunAsync(LoadOptions options)
    {
        await using var connector = await ConnectorSink.StartAsync();
        await using var host = BenchHost.Start(options.Port, new Dictionary<string, string>
        {
            ["Teams:Organisers:0"] = Organiser,
            // The stand-in connector has no limits; pacing to Teams' real ones would measure the pacer instead.
            ["Teams:AppRequestsPerSecond"] = "100000",
            ["Teams:ConversationOperationsPerSecond"] = "100000",
            ["Teams:ConversationOperationsPerHour"] = "10000000",
            ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
        });

        var delegations = new[] { "Mexico", "Ecuador", "Philippines", "Chile", "Germany", "Morocco", "Bangladesh", "Switzerland", "Ghana", "Indonesia" };
        await SayAndWaitAsync(host.Client, connector, Organiser, "Secretariat", "bind Room A");
        await SayAndWaitAsync(host.Client, connector, Organiser, "Secretariat", "session open AG1");
        var users = new List<string>();
        for (var i = 0; i < Math.Min(options.Identities, delegations.Length * 4); i++)
        {
            var user = $"29:bench-{i}";
            await SayAndWaitAsync(host.Client, connector, user, $"Delegate {i}", $"register {delegations[i % delegations.Length]}");
            // Without an invitation a registration is a request: the organiser approves it, so the load acts for delegations.
            await SayAndWaitAsync(host.Client, connector, Organiser, "Secretariat", $"approve Delegate {i}");
            users.Add(user);
        }

        _ = await RunLoadAsync(host.Client, connector, users, options, options.WarmupSeconds);
        var (samples, elapsed) = await RunLoadAsync(host.Client, connector, users, options, options.Seconds);
        var report = Report(options, samples, elapsed, users.Count);
        Console.WriteLine(report);
        var path = Path.Combine("BenchmarkDotNet.Artifacts", "results", "teams-messages.md");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, report);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Written to {Path.GetFullPath(path)}"));
        return samples.Any(s => s.Status != HttpStatusCode.Accepted || s.ReplyMs is null) ? 1 : 0;
    }

    private static async Task<(List<TeamsSample> Samples, TimeSpan Elapsed)> RunLoadAsync(HttpClient client, ConnectorSink connector, List<string> users, LoadOptions options, int seconds)
    {
        var total = options.Rate * seconds;
        var random = new Random(20171205);
        var sent = new ConcurrentBag<(string Command, string Id, long Scheduled, double AckMs, HttpStatusCode Status)>();
        var start = Stopwatch.GetTimestamp();
        await Pacer.SendAllAsync(options.Rate, total, start, scheduled =>
        {
            var command = Pick(random);
            var user = users[random.Next(users.Count)];
            return Task.Run(async () =>
            {
                var id = Guid.NewGuid().ToString("N");
                var status = await PostAsync(client, connector.ServiceUrl, id, user, user, command);
                sent.Add((command, id, scheduled, Stopwatch.GetElapsedTime(scheduled).TotalMilliseconds, status));
            });
        });

        // Replies go out from a queue after the acknowledgement: wait (bounded) for the last ones.
        try
        {
            await Task.WhenAll(sent.Select(s => connector.ReplyTo(s.Id))).WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            // Reported below as replies that never came.
        }

        var elapsed = Stopwatch.GetElapsedTime(start);
        var samples = sent.Select(s => new TeamsSample(s.Command, s.AckMs, s.Status,
            connector.ReplyTo(s.Id) is { IsCompletedSuccessfully: true } reply ? Stopwatch.GetElapsedTime(s.Scheduled, reply.Result).TotalMilliseconds : null)).ToList();
        return (samples, elapsed);
    }

    private static async Task SayAndWaitAsync(HttpClient client, ConnectorSink connector, string user, string name, string command)
    {
        var id = Guid.NewGuid().ToString("N");
        var status = await PostAsync(client, connector.ServiceUrl, id, user, name, command);
        try
        {
            await connector.ReplyTo(id).WaitAsync(TimeSpan.FromSeconds(status == HttpStatusCode.Accepted ? 10 : 0));
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"No reply to set-up command '{command}' ({status}).");
        }
    }

    private static async Task<HttpStatusCode> PostAsync(HttpClient client, string serviceUrl, string id, string user, string name, string command)
    {
        var activity = new
        {
            type = "message",
            id,
            serviceUrl,
            channelId = "msteams",
            from = new { id = user, name },
            conversation = new { id = $"{Channel};messageid={id}", conversationType = "channel", tenantId = "bench" },
            recipient = new { id = "28:bench-bot", name = "GcmBot" },
            text = $"<at>GcmBot</at> {command}",
            entities = new[] { new { type = "mention", text = "<at>GcmBot</at>", mentioned = new { id = "28:bench-bot", name = "GcmBot" } } },
        };
        try
        {
            using var response = await client.PostAsJsonAsync(new Uri("/api/messages", UriKind.Relative), activity);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
        catch (TaskCanceledException)
        {
            return 0;
        }
    }

    private static string Pick(Random random)
    {
        var roll = random.Next(100);
        foreach (var (command, weight) in _mix)
        {
            if (roll < weight)
            {
                return command;
            }

            roll -= weight;
        }

        throw new InvalidOperationException("The mix does not add up to 100.");
    }

    private static string Report(LoadOptions options, List<TeamsSample> samples, TimeSpan elapsed, int users)
    {
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        text.AppendLine(culture, $"## Teams /api/messages, open loop: {options.Rate}/s for {options.Seconds} s, {users} Teams users in one bound channel, after {options.WarmupSeconds} s warm-up, SQLite, {Environment.ProcessorCount} cores");
        text.AppendLine();
        text.AppendLine(culture, $"Sent {samples.Count} activities in {elapsed.TotalSeconds:0.00} s. Latency from the scheduled send time: the 202 of /api/messages (ack), and the reply reaching the connector (reply).");
        text.AppendLine();
        text.AppendLine("| Command | Count | ack p50 ms | ack p90 ms | ack p99 ms | ack max ms | reply p50 ms | reply p90 ms | reply p99 ms | reply max ms | not 202 | no reply |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var group in samples.GroupBy(s => s.Command).OrderByDescending(g => g.Count()))
        {
            Row(text, group.Key, [.. group]);
        }

        Row(text, "**all**", samples);
        return text.ToString();
    }

    private static void Row(StringBuilder text, string name, List<TeamsSample> samples)
    {
        var ack = samples.Select(s => s.AckMs).Order().ToArray();
        var reply = samples.Where(s => s.ReplyMs is not null).Select(s => s.ReplyMs!.Value).Order().ToArray();
        string P(double[] sorted, double q) => sorted.Length == 0 ? "–" : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)].ToString("0.00", CultureInfo.InvariantCulture);
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| {name} | {samples.Count} | {P(ack, 0.5)} | {P(ack, 0.9)} | {P(ack, 0.99)} | {P(ack, 1)} | {P(reply, 0.5)} | {P(reply, 0.9)} | {P(reply, 0.99)} | {P(reply, 1)} | {samples.Count(s => s.Status != HttpStatusCode.Accepted)} | {samples.Count(s => s.ReplyMs is null)} |");
    }
}
