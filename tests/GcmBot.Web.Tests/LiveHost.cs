using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace GcmBot.Web.Tests;

/// <summary>
/// The real host over real HTTP and WebSockets on loopback (Kestrel), with a temp SQLite file and a
/// fake clock set on the morning of the action groups (5 December 2017, Puerto Vallarta time).
/// </summary>
public sealed class LiveHost : IAsyncDisposable
{
    public static readonly DateTimeOffset ActionGroupMorning = new(2017, 12, 5, 10, 40, 0, TimeSpan.FromHours(-6));

    private readonly WebApplicationFactory<Program> _factory;
    private readonly string _database;
    private readonly bool _ownsDatabase;

    /// <param name="settings">Extra host settings, e.g. <c>WebChat:IdentityPicker=false</c>.</param>
    /// <param name="database">A database file the test keeps across hosts (a restart) and deletes with <see cref="DeleteDatabase"/>.</param>
    public LiveHost(IReadOnlyDictionary<string, string>? settings = null, string? database = null)
    {
        _ownsDatabase = database is null;
        _database = database ?? Path.Combine(Path.GetTempPath(), $"gcmbot-web-{Guid.NewGuid():N}.db");
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Storage:ConnectionString", $"Data Source={_database}");
            // appsettings.json's Urls would pin port 5080; each test host takes a free loopback port.
            builder.UseSetting("urls", "http://127.0.0.1:0");
            // The fake clock stands still between commands, so a push interval would hold every push after the
            // first; the interval itself is tested in GcmBot.Host.Tests.DisplayPushTests.
            builder.UseSetting("Displays:PushInterval", "00:00:00");
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock).AddSingleton<ILoggerProvider>(Logs));
        });
        _factory.UseKestrel(0);
        _factory.StartServer();
        using var client = _factory.CreateClient();
        BaseAddress = client.BaseAddress!;
    }

    // UTC, like the system clock: the page must show venue time itself.
    public FakeTimeProvider Clock { get; } = new(ActionGroupMorning.ToUniversalTime());

    public Uri BaseAddress { get; }

    public string Database => _database;

    public LogCapture Logs { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_ownsDatabase)
        {
            DeleteDatabase(_database);
        }
    }

    public static void DeleteDatabase(string database)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(database)!, Path.GetFileName(database) + "*"))
        {
            File.Delete(file);
        }
    }
}
