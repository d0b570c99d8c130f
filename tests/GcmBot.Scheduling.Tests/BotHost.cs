using System.Text.Json;
using GcmBot.Core.Data;
using GcmBot.Core.Delivery;
using GcmBot.Core.Domain;
using GcmBot.Storage;
using GcmBot.Storage.Tests;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace GcmBot.Scheduling.Tests;

/// <summary>
/// The real host on Kestrel (loopback) with its real scheduling (in-process timers, NoticeSweeper, Hangfire),
/// on a temporary SQLite file or a given PostgreSQL database, with the given clock, plus a recording adapter
/// for the <c>test</c> channel kind.
/// </summary>
public sealed class BotHost : IAsyncDisposable
{
    /// <summary>10:50 in Mexico City on 5 December 2017: AG1 (Room A) runs 10:45–13:00.</summary>
    public static readonly DateTimeOffset DuringActionGroups = new(2017, 12, 5, 16, 50, 0, TimeSpan.Zero);

    /// <summary>10:00 in Mexico City on 5 December 2017, before the action groups.</summary>
    public static readonly DateTimeOffset BeforeActionGroups = new(2017, 12, 5, 16, 0, 0, TimeSpan.Zero);

    private readonly WebApplicationFactory<Program> _root;
    private readonly WebApplicationFactory<Program> _factory;
    private readonly string? _databasePath;
    private readonly HttpClient _client;
    private readonly List<RoomFeed> _feeds = [];
    private string? _watcher;

    public BotHost(TimeProvider clock, IReadOnlyDictionary<string, string>? settings = null, string? postgres = null)
    {
        Clock = clock;
        // appsettings.json names a fixed port, which would otherwise win over UseKestrel(0).
        var all = new Dictionary<string, string> { ["urls"] = "http://127.0.0.1:0" };
        if (postgres is null)
        {
            _databasePath = Path.Combine(Directory.CreateTempSubdirectory("gcmbot-scheduling-tests-").FullName, "meeting.db");
            all["Storage:ConnectionString"] = $"Data Source={_databasePath}";
        }
        else
        {
            all["Storage:Provider"] = "Postgres";
            all["Storage:ConnectionString"] = postgres;
            all["Storage:PoolSize"] = PostgresServer.HostPoolSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        _root = new WebApplicationFactory<Program>();
        _factory = _root.WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in all)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton(clock);
                services.AddSingleton<IChannelDelivery>(Recording);
                services.AddSingleton<ILoggerProvider>(Logs);
            });
        });
        _factory.UseKestrel(0);
        _factory.StartServer();
        _client = _factory.CreateClient();
        BaseAddress = _client.BaseAddress!;
        Chat = new WebChat(_client);
    }

    public TimeProvider Clock { get; }

    /// <summary>The fake clock, for the tests that drive time.</summary>
    public FakeTimeProvider FakeClock => (FakeTimeProvider)Clock;

    public DateTimeOffset Now => Clock.GetUtcNow();

    public Uri BaseAddress { get; }

    public WebChat Chat { get; }

    public RecordingDelivery Recording { get; } = new();

    public RecordingLogs Logs { get; } = new();

    /// <summary>
    /// Takes the SQLite database away, as a failed disk or mount would: idle connections are closed and the
    /// database's directory is moved away, so every new connection fails until <see cref="RestoreDatabase"/>.
    /// </summary>
    public void BreakDatabase()
    {
        // The directory goes, with the WAL: no connection can create a file where it was.
        SqliteConnection.ClearAllPools();
        Directory.Move(Folder, Folder + ".away");
    }

    private string Folder => Path.GetDirectoryName(_databasePath!)!;

    public void RestoreDatabase()
    {
        Directory.Move(Folder + ".away", Folder);
    }

    public IServiceProvider Services => _factory.Services;

    public IMeetingStore Store => Services.GetRequiredService<IMeetingStore>();

    /// <summary>A SignalR client joined to a web conversation, signed in as a participant without a delegation; disposed with the host.</summary>
    public async Task<RoomFeed> FeedAsync(string conversation = WebChat.RoomA)
    {
        _watcher ??= await Chat.IdentityAsync("Room watcher", null, "delegate");
        var feed = await RoomFeed.OpenAsync(BaseAddress, conversation, _watcher);
        _feeds.Add(feed);
        return feed;
    }

    /// <summary>A SignalR client on a web user's private messages; disposed with the host.</summary>
    public async Task<RoomFeed> PrivateFeedAsync(string token)
    {
        var feed = await RoomFeed.OpenPrivateAsync(BaseAddress, token);
        _feeds.Add(feed);
        return feed;
    }

    /// <summary>Advances the fake clock to an instant (the timers due by then fire inside this call).</summary>
    public void AdvanceTo(DateTimeOffset instant)
    {
        var by = instant - Now;
        Assert.True(by >= TimeSpan.Zero, $"cannot go back from {Now:O} to {instant:O}");
        FakeClock.Advance(by);
    }

    /// <summary>
    /// Moves the fake clock on by a step until the host has logged what the test waits for. The loop registers its
    /// next wait just after it logs, so a step can come a moment too early; the next step then fires it.
    /// </summary>
    public async Task AdvanceUntilAsync(Task logged, TimeSpan step)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            AdvanceTo(Now + step);
            if (await Task.WhenAny(logged, Task.Delay(TimeSpan.FromSeconds(1))) == logged)
            {
                return;
            }
        }

        Assert.Fail("the host never logged what the test waited for");
    }

    /// <summary>
    /// Pushes a marker into the conversation and waits for it: SignalR keeps one connection's messages in
    /// order, so everything pushed to the feed before the marker has then arrived.
    /// </summary>
    public async Task FenceAsync(RoomFeed feed, string token, string conversation = WebChat.RoomA)
    {
        var marker = $"fence {Guid.NewGuid():N}";
        await Chat.SayAsync(token, conversation, marker);
        await feed.WaitForAsync(m => Messages.Text(m) == marker);
    }

    /// <summary>Binds a conversation of the test channel kind to a room, as <c>bind</c> would.</summary>
    public Task BindTestConversationAsync(string conversationId, string room) =>
        Store.ExecuteAsync(async (data, ct) =>
        {
            data.Add(new ChannelBinding { Channel = RecordingDelivery.Name, ConversationId = conversationId, Room = room, BoundAt = Now });
            await data.FlushAsync(ct);
            return true;
        }, CancellationToken.None);

    public Task<Session> SessionAsync(string code) =>
        Store.ExecuteAsync(async (data, ct) =>
        {
            var meeting = await data.GetMeetingAsync(ct);
            return (await data.GetSessionsAsync(meeting!.Id, ct)).Single(s => s.Code == code);
        }, CancellationToken.None);

    public async Task<long> CurrentInterventionIdAsync(string code = "AG1") =>
        (await SessionAsync(code)).CurrentInterventionId ?? throw new InvalidOperationException($"nobody has the floor in {code}");

    public async Task<Intervention> InterventionAsync(long id)
    {
        await using var db = Services.GetRequiredService<GcmContextFactory>().Create();
        return await db.Interventions.AsNoTracking().SingleAsync(i => i.Id == id);
    }

    public async Task<List<Notice>> NoticesAsync()
    {
        await using var db = Services.GetRequiredService<GcmContextFactory>().Create();
        return await db.Notices.AsNoTracking().OrderBy(n => n.Id).ToListAsync();
    }

    /// <summary>The moderator of AG1 opens it and the given delegations ask for the floor, in order.</summary>
    public async Task<(string Moderator, IReadOnlyList<string> Delegates)> OpenAg1Async(params string[] delegations)
    {
        var moderator = await Chat.IdentityAsync("Marit Maij", null, "moderator");
        await Chat.RunAsync(moderator, WebChat.RoomA, "/session open AG1");
        var delegates = new List<string>();
        foreach (var delegation in delegations)
        {
            var token = await Chat.IdentityAsync($"Delegate of {delegation}", delegation, "delegate");
            await Chat.RunAsync(token, WebChat.RoomA, "/speak");
            delegates.Add(token);
        }

        return (moderator, delegates);
    }

    public static string Text(JsonElement reply) => Messages.Text(reply);

    public async ValueTask DisposeAsync()
    {
        foreach (var feed in _feeds)
        {
            await feed.DisposeAsync();
        }

        _client.Dispose();
        await _factory.DisposeAsync();
        await _root.DisposeAsync();
        if (_databasePath is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(Folder, recursive: true);
        }
    }
}
