using GcmBot.Core.Data;
using GcmBot.Core.Domain;
using GcmBot.Core.Drafting;
using GcmBot.Core.Handling;
using GcmBot.Core.Import;
using GcmBot.Core.Replies;
using GcmBot.Core.Speaking;
using GcmBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GcmBot.Core.Tests.Handling;

/// <summary>
/// The sample meeting in a fresh SQLite file, a fake clock at 10:50 on day 2 in Puerto Vallarta, and the
/// real <see cref="CommandService"/>. Tests read as scenarios: <c>await harness.Run("ana", "/speak")</c>.
/// </summary>
public sealed class MeetingHarness : IAsyncDisposable
{
    public const string Channel = "web";
    public const string RoomA = "conv-room-a";
    public const string Organiser = "org";

    /// <summary>10:50 in America/Mexico_City (UTC−6) on 5 December 2017, day 2.</summary>
    public static readonly DateTimeOffset Start = new(2017, 12, 5, 16, 50, 0, TimeSpan.Zero);

    private readonly string _path;
    private int _events;

    private MeetingHarness(string path, SpeakingRules rules, IReportDrafter? drafter)
    {
        _path = path;
        Rules = rules;
        Time = new FakeTimeProvider(Start);
        Contexts = new GcmContextFactory(Options.Create(new StorageOptions { ConnectionString = $"Data Source={path};Pooling=False" }));
        Store = new MeetingStore(Contexts);
        Service = new CommandService(Store, Time, Options.Create(rules), NullLogger<CommandService>.Instance, drafter: drafter);
    }

    public FakeTimeProvider Time { get; }

    public GcmContextFactory Contexts { get; }

    public MeetingStore Store { get; }

    public CommandService Service { get; }

    public SpeakingRules Rules { get; }

    /// <summary>Creates the database, loads the sample meeting, adds the organiser and binds <see cref="RoomA"/> to Room A.</summary>
    /// <param name="drafter">The report drafter for the <c>draft</c> commands; none by default.</param>
    public static async Task<MeetingHarness> StartAsync(SpeakingRules? rules = null, IReportDrafter? drafter = null)
    {
        var harness = new MeetingHarness(Path.Combine(Path.GetTempPath(), $"gcmbot-core-{Guid.NewGuid():N}.db"), rules ?? new SpeakingRules(), drafter);
        try
        {
            await harness.SetUpAsync();
            return harness;
        }
        catch
        {
            // The test class never sees a harness that failed to start, so it cannot delete the file itself.
            await harness.DisposeAsync();
            throw;
        }
    }

    private async Task SetUpAsync()
    {
        await using (var db = Contexts.Create())
        {
            await db.Database.MigrateAsync();
        }

        await using (var json = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "sample-meeting.json")))
        {
            var file = await MeetingLoader.ReadAsync(json, CancellationToken.None);
            await Store.ExecuteAsync((d, ct) => MeetingLoader.StoreAsync(d, file, Start, ct), CancellationToken.None);
        }

        await Store.ExecuteAsync(
            (d, _) =>
            {
                d.Add(new Participant { Channel = Channel, ExternalId = Organiser, DisplayName = "Olga Organiser", Roles = Roles.Organiser, FirstSeenAt = Start });
                return Task.FromResult(0);
            },
            CancellationToken.None);
        await Expect(Organiser, "bind Room A");
    }

    /// <summary>Runs typed text as <paramref name="user"/> (display name = id) in Room A's conversation unless told otherwise.</summary>
    public async Task<CommandResult> Run(string user, string text, string conversation = RoomA) =>
        await Handle(new Inbound(Channel, conversation, user, user) { Text = text })
        ?? throw new InvalidOperationException("A command without an event id was treated as a redelivery.");

    public Task<CommandResult?> Handle(Inbound inbound) => Service.HandleAsync(inbound, CancellationToken.None);

    /// <summary>Runs a command that must succeed.</summary>
    public async Task<CommandResult> Expect(string user, string text, string conversation = RoomA)
    {
        var result = await Run(user, text, conversation);
        Assert.False(result.Reply.IsError, $"`{text}` by {user} was refused: {result.Reply.Text}");
        return result;
    }

    /// <summary>Runs a command that must be refused.</summary>
    public async Task<Reply> Refused(string user, string text, string conversation = RoomA)
    {
        var result = await Run(user, text, conversation);
        Assert.True(result.Reply.IsError, $"`{text}` by {user} was accepted: {result.Reply.Text}");
        return result.Reply;
    }

    /// <summary>A participant registered with a delegation: their request, approved by the organiser.</summary>
    public async Task Delegate(string user, string delegation)
    {
        var request = await Expect(user, $"register {delegation}");
        if (request.Reply.Title == "Request sent")
        {
            await Expect(Organiser, $"approve {user}");
        }
    }

    /// <summary>A participant assigned as moderator of a session by the organiser.</summary>
    public async Task Moderator(string user, string session = "AG1")
    {
        await Expect(user, "whoami");
        await Expect(Organiser, $"assign moderator {user} {session}");
    }

    public async Task<CommandResult> OpenAg1(string moderator = "mod")
    {
        await Moderator(moderator);
        return await Expect(moderator, "session open");
    }

    public string NextEventId() => $"evt-{Interlocked.Increment(ref _events)}";

    /// <summary>Reads the database directly, outside any command.</summary>
    public async Task<T> Query<T>(Func<GcmDbContext, Task<T>> query)
    {
        await using var db = Contexts.Create();
        return await query(db);
    }

    public Task<Session> Session(string code) => Query(db => db.Sessions.AsNoTracking().SingleAsync(s => s.Code == code));

    public Task<List<Intervention>> Interventions(string code) =>
        Query(async db =>
        {
            var session = await db.Sessions.AsNoTracking().SingleAsync(s => s.Code == code);
            return await db.Interventions.AsNoTracking().Where(i => i.SessionId == session.Id).OrderBy(i => i.Id).ToListAsync();
        });

    public Task<Delegation> DelegationNamed(string name) => Query(db => db.Delegations.AsNoTracking().SingleAsync(d => d.Name == name));

    public Task<T> Execute<T>(Func<IMeetingData, CancellationToken, Task<T>> work) => Store.ExecuteAsync(work, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        Store.Dispose();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }

        await Task.CompletedTask;
    }
}
