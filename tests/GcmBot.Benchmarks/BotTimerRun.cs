using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using GcmBot.Core.Data;
using GcmBot.Core.Delivery;
using GcmBot.Core.Domain;
using GcmBot.Storage;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GcmBot.Benchmarks;

/// <summary>
/// One GcmBot row: the real host (system clock, Kestrel on loopback, its own database) with six action groups
/// open in six bound web conversations. Speaking timers are given over HTTP (<c>/speak</c>, <c>/allowance</c>,
/// <c>/next</c>: a warning and an expiry each); the bulk of the notices is stored through <see cref="IMeetingStore"/>
/// and armed with the app's <see cref="INoticeScheduler"/>, as a command does. Lateness is read back from the
/// database: <see cref="Notice.FiredAt"/> − <see cref="Notice.DueAt"/>.
/// </summary>
internal sealed class BotTimerRun : IAsyncDisposable
{
    // A benchmark on the real clock: how often it checks whether every notice has fired (not part of what is measured).
    private static readonly TimeSpan CompletionPoll = TimeSpan.FromMilliseconds(500);

    private const string ConversationPrefix = "bench-timers:";

    /// <summary>Scheduling:BackstopDelay's default: from then on the Hangfire backstop races the in-process timer.</summary>
    private static readonly TimeSpan _backstopDelay = TimeSpan.FromSeconds(2);

    private readonly WebApplicationFactory<global::Program> _factory;
    private readonly string? _databasePath;
    private readonly HttpClient _client;
    private readonly DeliveryRecorder _deliveries;
    private readonly FiringRecorder _firings;
    private readonly GlobalFilterRegistration _filter;

    private BotTimerRun(WebApplicationFactory<global::Program> factory, string? databasePath, HttpClient client, DeliveryRecorder deliveries, FiringRecorder firings, GlobalFilterRegistration filter)
    {
        _factory = factory;
        _databasePath = databasePath;
        _client = client;
        _deliveries = deliveries;
        _firings = firings;
        _filter = filter;
    }

    /// <summary>Runs one row: on a temporary SQLite file, or on the given (fresh) PostgreSQL database.</summary>
    public static async Task<TimerResult> RunAsync(string label, TimerOptions options, string? postgres)
    {
        await using var run = Start(postgres);
        return await run.MeasureAsync(label, options);
    }

    private static BotTimerRun Start(string? postgres)
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();

        var databasePath = postgres is null ? Path.Combine(Path.GetTempPath(), $"gcmbot-timers-{Guid.NewGuid():N}.db") : null;
        var deliveries = new DeliveryRecorder();
        var firings = new FiringRecorder();
        var filter = new GlobalFilterRegistration(firings);
        var factory = new WebApplicationFactory<global::Program>().WithWebHostBuilder(builder =>
        {
            if (postgres is null)
            {
                builder.UseSetting("Storage:ConnectionString", $"Data Source={databasePath}");
            }
            else
            {
                builder.UseSetting("Storage:Provider", "Postgres");
                builder.UseSetting("Storage:ConnectionString", postgres);
            }

            builder.UseSetting("Urls", $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
            // Warnings 2 s before the end, so that every timer of 3 s or more has a warning and an expiry.
            builder.UseSetting("Reminders:TimerWarning", "00:00:02");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
            // NoticeService's "fired" line reaches the firing recorder only, not the console.
            builder.UseSetting("Logging:LogLevel:GcmBot.Core.Delivery.NoticeService", "Information");
            builder.UseSetting("Logging:Console:LogLevel:GcmBot.Core.Delivery.NoticeService", "Warning");
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<ILoggerProvider>(firings);
                // Every channel adapter, wrapped to note when timer messages reach it.
                var adapters = services.Where(d => d.ServiceType == typeof(IChannelDelivery)).ToList();
                foreach (var adapter in adapters)
                {
                    services.Remove(adapter);
                    services.AddSingleton<IChannelDelivery>(sp => new DeliveryRecorder.Wrapper(Resolve(sp, adapter), deliveries));
                }
            });
        });
        factory.UseKestrel(port);
        try
        {
            factory.StartServer();
        }
        catch
        {
            factory.Dispose();
            filter.Dispose();
            DeleteDatabase(databasePath);
            throw;
        }

        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"), Timeout = TimeSpan.FromSeconds(30) };
        return new BotTimerRun(factory, databasePath, client, deliveries, firings, filter);
    }

    private static IChannelDelivery Resolve(IServiceProvider services, ServiceDescriptor adapter) =>
        (IChannelDelivery)(adapter.ImplementationInstance
            ?? adapter.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, adapter.ImplementationType!));

    private async Task<TimerResult> MeasureAsync(string label, TimerOptions options)
    {
        var window = TimeSpan.FromSeconds(options.Seconds);
        var rounds = TimerPlan.Rounds(window);
        var services = _factory.Services;
        var store = services.GetRequiredService<IMeetingStore>();
        var time = services.GetRequiredService<TimeProvider>();

        // Who speaks: a fresh one-word member state per timer, so `/allowance <name>` needs no quoting.
        var speakers = rounds.Count * TimerPlan.Sessions.Length;
        var sessions = await store.ExecuteAsync(async (data, ct) =>
        {
            var meeting = (await data.GetMeetingAsync(ct))!;
            for (var i = 1; i <= speakers; i++)
            {
                data.Add(new Delegation { MeetingId = meeting.Id, Name = Speaker(i), Category = DelegationCategory.MemberState });
            }

            return (await data.GetSessionsAsync(meeting.Id, ct)).Where(s => TimerPlan.Sessions.Contains(s.Code)).ToDictionary(s => s.Id, s => s.Code);
        }, CancellationToken.None);

        var organiser = await IdentityAsync("Bench organiser", null, "organiser");
        var delegates = await Task.WhenAll(Enumerable.Range(1, speakers).Select(i => IdentityAsync($"Delegate {i}", Speaker(i), "delegate")));
        foreach (var code in TimerPlan.Sessions)
        {
            await CommandAsync(organiser, $"/bind {code}", code);
            await CommandAsync(organiser, "/session open", code);
        }

        // The bulk: stored and armed the way a command's notices are, due over the window with bursts.
        var direct = options.Count - (speakers * 2);
        var start = time.GetUtcNow();
        var offsets = TimerPlan.DueOffsets(direct, window);
        var sessionIds = sessions.Keys.Order().ToArray();
        var stored = await store.ExecuteAsync(async (data, ct) =>
        {
            var notices = offsets.Select((offset, i) => new Notice
            {
                Kind = i % 2 == 0 ? NoticeKind.TimerExpiry : NoticeKind.TimerWarning,
                DueAt = start + offset,
                SessionId = sessionIds[i % sessionIds.Length],
                CreatedAt = start,
            }).ToList();
            foreach (var notice in notices)
            {
                data.Add(notice);
            }

            await data.FlushAsync(ct);
            return notices;
        }, CancellationToken.None);
        services.GetRequiredService<INoticeScheduler>().Arm(stored);
        var armed = time.GetUtcNow() - start;

        // Over HTTP: rounds in which the six sessions give the floor at once.
        var refused = 0;
        var next = 1;
        foreach (var round in rounds)
        {
            var began = Stopwatch.GetTimestamp();
            var results = await Task.WhenAll(round.Select(async (seconds, s) =>
            {
                var code = TimerPlan.Sessions[s];
                var speaker = next + s;
                var ok = await CommandAsync(delegates[speaker - 1], "/speak", code, false)
                    & await CommandAsync(organiser, $"/allowance {Speaker(speaker)} {seconds.ToString(CultureInfo.InvariantCulture)}s", code, false)
                    & await CommandAsync(organiser, "/next", code, false);
                return ok;
            }));
            refused += results.Count(ok => !ok);
            next += round.Length;
            var wait = TimeSpan.FromSeconds(round.Max() + 2) - Stopwatch.GetElapsedTime(began);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }
        }

        // Bounded wait on the real clock until every notice has fired (or was cancelled).
        var directIds = stored.Select(n => n.Id).ToHashSet();
        var factory = services.GetRequiredService<GcmContextFactory>();
        var giveUp = start + TimerOptions.Lead + window + TimeSpan.FromSeconds(30);
        List<Notice> mine;
        while (true)
        {
            await using (var db = factory.Create())
            {
                var all = await db.Notices.AsNoTracking().ToListAsync();
                mine = [.. all.Where(n => directIds.Contains(n.Id) || n.InterventionId is not null)];
            }

            if (mine.All(n => !n.IsPending) || time.GetUtcNow() > giveUp)
            {
                break;
            }

            await Task.Delay(CompletionPoll);
        }

        var overHttp = mine.Where(n => n.InterventionId is not null).ToList();
        return new TimerResult(label)
        {
            Expected = options.Count,
            Notices = mine.Count,
            Lateness = Lateness(mine),
            Pending = mine.Count(n => n.IsPending),
            Cancelled = mine.Count(n => n.CancelledAt is not null),
            AtOrAfterBackstop = mine.Count(n => n.FiredAt - n.DueAt >= _backstopDelay),
            ByTimer = _firings.ByTimer,
            Crowded = Crowding(mine),
            ByBackstop = _firings.ByBackstop,
            OverHttp = overHttp.Count,
            OverHttpLateness = Lateness(overHttp),
            Delivered = DeliveryLateness(overHttp, sessions),
            HttpRefused = refused,
            ArmSeconds = armed.TotalSeconds,
        };
    }

    /// <summary>Lateness of the notices with at most six others due within 100 ms (six sessions' worth), and of the rest.</summary>
    private static (double[] Few, double[] Many) Crowding(List<Notice> notices)
    {
        var due = notices.Select(n => n.DueAt).Order().ToArray();
        var window = TimeSpan.FromMilliseconds(100);
        int Neighbours(DateTimeOffset at)
        {
            var from = Array.BinarySearch(due, at - window);
            var to = Array.BinarySearch(due, at + window);
            from = from < 0 ? ~from : from;
            to = to < 0 ? ~to : to + 1;
            while (from > 0 && due[from - 1] >= at - window)
            {
                from--;
            }

            while (to < due.Length && due[to] <= at + window)
            {
                to++;
            }

            return to - from - 1;
        }

        var few = notices.Where(n => Neighbours(n.DueAt) <= 6).ToList();
        return (Lateness(few), Lateness(notices.Except(few)));
    }

    private static double[] Lateness(IEnumerable<Notice> notices) =>
        [.. notices.Where(n => n.FiredAt is not null).Select(n => (n.FiredAt!.Value - n.DueAt).TotalMilliseconds).Order()];

    /// <summary>Delivery side: the n-th warning (expiry) delivered for a session against the n-th one due.</summary>
    private double[] DeliveryLateness(List<Notice> overHttp, Dictionary<int, string> sessions)
    {
        var sent = _deliveries.Sent.ToLookup(s => (s.Session, s.Kind));
        return
        [
            .. overHttp.Where(n => n.FiredAt is not null)
                .GroupBy(n => (Session: sessions[n.SessionId!.Value], n.Kind))
                .SelectMany(g => g.OrderBy(n => n.DueAt).Zip(sent[g.Key], (notice, delivery) => (delivery.At - notice.DueAt).TotalMilliseconds))
                .Order(),
        ];
    }

    private static string Speaker(int i) => $"Timerland{i.ToString("000", CultureInfo.InvariantCulture)}";

    /// <summary>Sends a command in a session's conversation; false (or an exception while setting up) when refused.</summary>
    private async Task<bool> CommandAsync(string token, string text, string session, bool required = true)
    {
        using var request = Commands.Request(token, text, ConversationPrefix + session);
        using var response = await _client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var refused = !response.IsSuccessStatusCode;
        if (!refused)
        {
            using var json = JsonDocument.Parse(body);
            refused = json.RootElement.GetProperty("messages")[1].GetProperty("isError").GetBoolean();
        }

        if (refused && required)
        {
            throw new InvalidOperationException($"{text} in {session}: {(int)response.StatusCode} {body}");
        }

        if (refused)
        {
            await Console.Error.WriteLineAsync($"refused: {text} in {session}: {body}");
        }

        return !refused;
    }

    private async Task<string> IdentityAsync(string name, string? delegation, string role)
    {
        using var response = await _client.PostAsJsonAsync(new Uri("/api/web/identity", UriKind.Relative), new { displayName = name, delegation, role });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"identity {name}: {(int)response.StatusCode} {body}");
        }

        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("userId").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        _filter.Dispose();
        DeleteDatabase(_databasePath);
    }

    private static void DeleteDatabase(string? path)
    {
        if (path is null)
        {
            return;
        }

        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }
    }
}
