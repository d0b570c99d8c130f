using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace GcmBot.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/GcmBot.Benchmarks -- room [--rate 500] [--seconds 20] [--warmup 30] [--pages 100] [--postgres "&lt;npgsql connection string&gt;"]</c>:
/// a busy web chat room. <c>--pages</c> delegates' pages (real SignalR connections to the chat and display hubs, see
/// <see cref="RoomPage"/>) in Room A while AG1 is open; chat messages posted open loop at <c>--rate</c> per second in
/// all, from random pages, and a speakers-list change every second (<c>/speak</c>, <c>/speak</c>, <c>/next</c>,
/// <c>/withdraw</c>, over and over; <c>[--panel every-push]</c> makes the pages refresh their place as the page did before
/// issue 20). Reports each message's send-to-ack latency, whether every page received every
/// public message exactly once, and how long after each list change the last page showed it.
/// </summary>
internal static class RoomBenchmark
{
    private const string RemarkPrefix = "Remark ";
    private const string RemarkTail = " on regular pathways for migrant workers";

    public static async Task<int> RunAsync(RoomOptions options)
    {
        var loadBefore = await LoadAverageAsync();
        await using var database = options.Postgres is { } server ? await PostgresDatabase.CreateAsync(server, "room") : null;
        await using var host = BenchHost.Start(options.Port, new Dictionary<string, string>
        {
            // Pages open their hub connections in bursts; the host's defaults are the real ones otherwise.
            ["Logging:LogLevel:Microsoft.AspNetCore.SignalR"] = "Warning",
        }, database?.ConnectionString);
        var clients = await host.PrepareAsync(options.Pages);
        var pages = new List<RoomPage>();
        try
        {
            foreach (var chunk in clients.Delegates.Zip(clients.Delegations).Select((d, i) => (d.First, d.Second, i)).Chunk(20))
            {
                pages.AddRange(await Task.WhenAll(chunk.Select(d => RoomPage.OpenAsync(d.i, d.First, d.Second, host.Client, options.EveryPush))));
            }

            if (await ListedAsync(host.Client, clients.Moderator) is { Count: > 0 } waiting)
            {
                throw new InvalidOperationException($"The list should start empty; it has {string.Join(", ", waiting)}.");
            }

            // Member States only, so that every change lands in the main segment, first come first served.
            var memberStates = await MemberStatesAsync(host.Client);
            var pool = pages.Where(p => memberStates.Contains(p.Delegation)).ToList();
            if (pool.Count < 8)
            {
                throw new InvalidOperationException($"Only {pool.Count} Member States among {pages.Count} pages: ask for more --pages.");
            }

            var cycle = 0;
            _ = await RunPhaseAsync(host, pages, pool, clients.Moderator, options, 1, options.WarmupSeconds, ref cycle);
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            using var serverSide = new ServerSide();
            var result = await RunPhaseAsync(host, pages, pool, clients.Moderator, options, 2, options.Seconds, ref cycle);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            var report = Report(options, result, cpu, serverSide, loadBefore, await LoadAverageAsync());
            Console.WriteLine(report);
            var path = Path.Combine("BenchmarkDotNet.Artifacts", "results", "web-room.md");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, report);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Written to {Path.GetFullPath(path)}"));
            return result.Failed ? 1 : 0;
        }
        finally
        {
            foreach (var page in pages)
            {
                await page.DisposeAsync();
            }
        }
    }

    /// <summary>The phase and number of a chat message this benchmark sent, read back from its text.</summary>
    public static (int Phase, int Message)? RemarkNumber(string text)
    {
        if (!text.StartsWith(RemarkPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = text.AsSpan(RemarkPrefix.Length);
        var colon = rest.IndexOf(':');
        var space = rest.IndexOf(' ');
        return colon > 0 && space > colon
            && int.TryParse(rest[..colon], NumberStyles.None, CultureInfo.InvariantCulture, out var phase)
            && int.TryParse(rest[(colon + 1)..space], NumberStyles.None, CultureInfo.InvariantCulture, out var message)
                ? (phase, message)
                : null;
    }

    private static Task<RoomResult> RunPhaseAsync(BenchHost host, List<RoomPage> pages, List<RoomPage> pool, string moderator, RoomOptions options, int phase, int seconds, ref int cycle)
    {
        // Whole cycles only, so that every phase leaves the list empty as it found it.
        var changes = new List<RoomChange>();
        for (var i = 0; i < seconds / 4; i++, cycle++)
        {
            var first = pool[(2 * cycle) % pool.Count];
            var second = pool[((2 * cycle) + 1) % pool.Count];
            changes.Add(new RoomChange("/speak", first.Token, first.Delegation, Listed: true));
            changes.Add(new RoomChange("/speak", second.Token, second.Delegation, Listed: true));
            changes.Add(new RoomChange("/next", moderator, first.Delegation, Listed: false));
            changes.Add(new RoomChange("/withdraw", second.Token, second.Delegation, Listed: false));
        }

        var run = new RoomRun(phase, pages.Count, options.Rate * seconds, changes);
        return RunAsync(host.Client, pages, run, options.Rate);
    }

    private static async Task<RoomResult> RunAsync(HttpClient client, List<RoomPage> pages, RoomRun run, int rate)
    {
        foreach (var page in pages)
        {
            page.Follow(run);
        }

        var random = new Random(20171205 + run.Phase);
        var senders = Enumerable.Range(0, run.Messages).Select(_ => pages[random.Next(pages.Count)].Token).ToArray();
        var remarks = new ConcurrentBag<RoomSample>();
        var start = Stopwatch.GetTimestamp();
        var next = 0;
        var chat = Pacer.SendAllAsync(rate, run.Messages, start, scheduled =>
        {
            var message = next++;
            return SendAsync(client, senders[message], $"{RemarkPrefix}{run.Phase}:{message}{RemarkTail}", scheduled, message, remarks, null);
        });
        var list = ChangeListAsync(client, run, start + (Stopwatch.Frequency / 2));
        await Task.WhenAll(chat, list);
        var elapsed = Stopwatch.GetElapsedTime(start);

        // Pushes and refreshes still under way when the last answer came: wait until every page has everything, or
        // nothing (no delivery, no panel catching up) moves for 3 s.
        var acked = remarks.Where(r => r.Ok).Select(r => r.Index).ToArray();
        var expected = (long)acked.Length * pages.Count;
        var last = (Count: -1L, At: Stopwatch.GetTimestamp());
        var deadline = Stopwatch.GetTimestamp() + (20 * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            var received = run.TotalReceived() + run.PanelMs.Sum(c => c.Count(t => !double.IsNaN(t))) + run.LiveMs.Sum(c => c.Count(t => !double.IsNaN(t)));
            var complete = run.TotalReceived() >= expected && run.ExpectedOther.Keys.All(id => run.Other.All(o => o.ContainsKey(id))) && run.PanelMs.All(c => c.All(t => !double.IsNaN(t))) && run.LiveMs.All(c => c.All(t => !double.IsNaN(t)));
            if (complete)
            {
                break;
            }

            if (received != last.Count)
            {
                last = (received, Stopwatch.GetTimestamp());
            }
            else if (Stopwatch.GetElapsedTime(last.At) > TimeSpan.FromSeconds(3))
            {
                break;
            }

            await Task.Delay(100);
        }

        return new RoomResult(run, [.. remarks], [.. run.CommandSamples], elapsed, acked);
    }

    /// <summary>
    /// One change a second, half a second into it, each after the answer to the one before, as a chair acts on what
    /// the room shows: sent all at once into a slow host, a <c>/next</c> could overtake the <c>/speak</c> it follows.
    /// Each is timed from the later of its schedule and the previous answer.
    /// </summary>
    private static async Task ChangeListAsync(HttpClient client, RoomRun run, long first)
    {
        for (var index = 0; index < run.Changes.Count; index++)
        {
            var due = first + (index * Stopwatch.Frequency);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            var scheduled = Math.Max(due, Stopwatch.GetTimestamp());
            run.ChangeSending(index, scheduled);
            await SendAsync(client, run.Changes[index].Token, run.Changes[index].Command, scheduled, index, run.CommandSamples, run);
        }
    }

    private static async Task SendAsync(HttpClient client, string token, string text, long scheduled, int index, ConcurrentBag<RoomSample> samples, RoomRun? commandsOf)
    {
        var late = Stopwatch.GetElapsedTime(scheduled).TotalMilliseconds;
        var ok = false;
        var note = (string?)null;
        try
        {
            using var request = Commands.Request(token, text);
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            ok = response.IsSuccessStatusCode;
            if (!ok)
            {
                note = $"{(int)response.StatusCode} {body}";
            }
            else
            {
                using var json = JsonDocument.Parse(body);
                var messages = json.RootElement.GetProperty("messages");
                // A command whose reply is private is echoed to its sender only, although the answer's copy of the echo says
                // "conversation": the reply's visibility tells whether the room got both.
                if (commandsOf is not null && messages[1].GetProperty("visibility").GetString() == "conversation")
                {
                    foreach (var message in messages.EnumerateArray())
                    {
                        commandsOf.ExpectedOther.TryAdd(message.GetProperty("id").GetGuid(), 0);
                    }
                }

                // A remark not recorded, or a command refused, comes back with a second, explanatory message.
                if (commandsOf is null ? messages.GetArrayLength() > 1 : messages[1].GetProperty("isError").GetBoolean())
                {
                    note = messages[messages.GetArrayLength() - 1].GetProperty("text").GetString();
                }
            }
        }
        catch (HttpRequestException failure)
        {
            note = failure.Message;
        }
        catch (TaskCanceledException failure)
        {
            note = failure.Message;
        }

        samples.Add(new RoomSample(index, text, Stopwatch.GetElapsedTime(scheduled).TotalMilliseconds, late, ok, note));
    }

    private static async Task<List<string>> ListedAsync(HttpClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/web/queue?conversation={Uri.EscapeDataString(BenchHost.Conversation)}", UriKind.Relative));
        request.Headers.Add("X-GcmBot-User", token);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var queue = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. queue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("label").GetString()!)];
    }

    private static async Task<HashSet<string>> MemberStatesAsync(HttpClient client)
    {
        var meeting = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/web/meeting", UriKind.Relative));
        return [.. meeting.GetProperty("delegations").EnumerateArray()
            .Where(d => d.GetProperty("category").GetString() == "memberState")
            .Select(d => d.GetProperty("name").GetString()!)];
    }

    private static async Task<string> LoadAverageAsync() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', (await File.ReadAllTextAsync("/proc/loadavg")).Split(' ').Take(3)) : "unknown";

    private static string Report(RoomOptions options, RoomResult result, TimeSpan cpu, ServerSide server, string loadBefore, string loadAfter)
    {
        var run = result.Run;
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        var storage = options.Postgres is null ? "SQLite" : "PostgreSQL";
        var seconds = result.Elapsed.TotalSeconds;
        text.AppendLine(culture, $"## Web chat room: {run.Pages} pages in one room, {options.Rate} chat messages/s and a list change every second, for {options.Seconds} s after {options.WarmupSeconds} s warm-up, {storage}, pages asking for their place {(options.EveryPush ? "after every room push" : "when the list changed")}, {Environment.ProcessorCount} cores");
        text.AppendLine();
        text.AppendLine(culture, $"Load average (1, 5, 15 min) before: {loadBefore}; after: {loadAfter}.");
        text.AppendLine();
        text.AppendLine(culture, $"CPU, host, pages and load generator together: {cpu.TotalSeconds / seconds:0.00} of {Environment.ProcessorCount} cores busy. Garbage collector: {server.Collections} pauses, {server.GcPaused.TotalMilliseconds / seconds:0.0} ms per second.");
        text.AppendLine();
        var handled = server.CommandMs.Order().ToArray();
        if (handled.Length > 0)
        {
            text.AppendLine(culture, $"Inside the host: {handled.Length} commands ({handled.Length / seconds:0} per second; the list changes and the pages' queue refreshes) took p50 {P(handled, 0.5)} ms, p99 {P(handled, 0.99)} ms in `CommandService`.");
            text.AppendLine();
        }

        text.AppendLine("| Sent | Count | ack p50 ms | ack p90 ms | ack p99 ms | ack max ms | ack p99 from sending ms | failed | not recorded or refused |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        AckRow(text, "chat messages", result.Remarks);
        foreach (var group in result.Commands.GroupBy(c => c.Text))
        {
            AckRow(text, group.Key, [.. group]);
        }

        text.AppendLine();
        var lost = 0L;
        var duplicated = 0L;
        foreach (var message in result.Acked)
        {
            for (var page = 0; page < run.Pages; page++)
            {
                var count = run.Count(page, message);
                lost += count == 0 ? 1 : 0;
                duplicated += Math.Max(0, count - 1);
            }
        }

        var otherLost = run.ExpectedOther.Keys.Sum(id => run.Other.Count(o => !o.ContainsKey(id)));
        var otherDuplicated = run.Other.Sum(o => o.Where(e => run.ExpectedOther.ContainsKey(e.Key)).Sum(e => e.Value - 1));
        text.AppendLine(culture, $"Delivery: {result.Acked.Length} chat messages acknowledged × {run.Pages} pages = {(long)result.Acked.Length * run.Pages} deliveries expected ({(long)result.Acked.Length * run.Pages / seconds:0} per second); **lost {lost}, duplicated {duplicated}**. The commands' {run.ExpectedOther.Count} public messages: lost {otherLost}, duplicated {otherDuplicated}.");
        text.AppendLine();
        var refreshes = run.QueueRefreshMs.Order().ToArray();
        text.AppendLine(culture, $"The pages' queue refreshes (`/api/web/queue`): {refreshes.Length} in all, {refreshes.Length / seconds:0.0} per second; p50 {P(refreshes, 0.5)} ms, p99 {P(refreshes, 0.99)} ms each.");
        text.AppendLine();
        text.AppendLine("Time from each list change's scheduled send until the last page showed it (and, in brackets, over every page):");
        text.AppendLine();
        text.AppendLine("| Panel part | changes | last page p50 ms | last page p99 ms | last page max ms | (every page p50 ms) | pages that never showed it |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        ShownRow(text, "room state (display hub push: next speakers, waiting)", run.LiveMs);
        ShownRow(text, "place and list (the page's `/api/web/queue`)", run.PanelMs);
        return text.ToString();
    }

    private static void AckRow(StringBuilder text, string name, IReadOnlyList<RoomSample> samples)
    {
        var ack = samples.Select(s => s.AckMs).Order().ToArray();
        var fromSending = samples.Select(s => s.AckMs - s.LateMs).Order().ToArray();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| {name} | {samples.Count} | {P(ack, 0.5)} | {P(ack, 0.9)} | {P(ack, 0.99)} | {P(ack, 1)} | {P(fromSending, 0.99)} | {samples.Count(s => !s.Ok)} | {samples.Count(s => s.Ok && s.Note is not null)} |");
    }

    private static void ShownRow(StringBuilder text, string name, double[][] times)
    {
        var last = times.Where(c => c.All(t => !double.IsNaN(t))).Select(c => c.Max()).Order().ToArray();
        var all = times.SelectMany(c => c).Where(t => !double.IsNaN(t)).Order().ToArray();
        var never = times.Sum(c => c.Count(double.IsNaN));
        text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {times.Length} | {P(last, 0.5)} | {P(last, 0.99)} | {P(last, 1)} | ({P(all, 0.5)}) | {never} of {times.Length * (times.Length == 0 ? 0 : times[0].Length)} |");
    }

    private static string P(double[] sorted, double quantile) =>
        sorted.Length == 0 ? "–" : sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)].ToString("0.0", CultureInfo.InvariantCulture);
}
