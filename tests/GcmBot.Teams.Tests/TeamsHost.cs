using System.Net.Http.Headers;
using System.Net.Http.Json;
using GcmBot.Core.Data;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace GcmBot.Teams.Tests;

/// <summary>
/// The real host (all channels) over real HTTP on loopback (Kestrel), with its own SQLite file and a fake
/// clock on the morning of the action groups (5 December 2017, 10:40 in Puerto Vallarta).
/// </summary>
public sealed class TeamsHost : IAsyncDisposable
{
    public static readonly DateTimeOffset ActionGroupMorning = new(2017, 12, 5, 10, 40, 0, TimeSpan.FromHours(-6));

    private static readonly Uri _messages = new("/api/messages", UriKind.Relative);

    private readonly WebApplicationFactory<Program> _root = new();
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"gcmbot-teams-{Guid.NewGuid():N}.db");

    /// <param name="settings">Configuration on top of the defaults (e.g. <c>Teams:AppId</c>).</param>
    /// <param name="services">Test replacements, e.g. a stand-in for Microsoft's login service.</param>
    public TeamsHost(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        Factory = _root.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Storage:ConnectionString", $"Data Source={_database}");
            builder.UseSetting("urls", "http://127.0.0.1:0");
            // A frozen test clock would hold paced sends forever; pacing has its own tests.
            builder.UseSetting("Teams:ConversationOperationsPerSecond", "10000");
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(collection =>
            {
                collection.RemoveAll<TimeProvider>();
                collection.AddSingleton<TimeProvider>(Clock);
                services?.Invoke(collection);
            });
        });
        Factory.UseKestrel(0);
        Factory.StartServer();
        Client = Factory.CreateClient();
        Client.BaseAddress = new Uri(Client.BaseAddress!.AbsoluteUri.Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
    }

    public FakeTimeProvider Clock { get; } = new(ActionGroupMorning.ToUniversalTime());

    public WebApplicationFactory<Program> Factory { get; }

    public HttpClient Client { get; }

    public Uri MessagesUri => new(Client.BaseAddress!, _messages);

    public IMeetingStore Store => Factory.Services.GetRequiredService<IMeetingStore>();

    public async Task<HttpResponseMessage> PostAsync(object activity, string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _messages) { Content = JsonContent.Create(activity) };
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return await Client.SendAsync(request);
    }

    public Task<T> QueryAsync<T>(Func<IMeetingData, CancellationToken, Task<T>> query) => Store.ReadAsync(query, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await _root.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_database + suffix);
        }
    }
}
