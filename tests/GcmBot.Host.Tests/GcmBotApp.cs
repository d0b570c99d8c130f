using System.Net.Http.Json;
using System.Text.Json;
using GcmBot.Core.Data;
using GcmBot.Core.Domain;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace GcmBot.Host.Tests;

/// <summary>
/// The real host in memory over its own temporary SQLite file, with a fake clock. Deletes the file when disposed.
/// </summary>
public sealed class GcmBotApp : IAsyncDisposable
{
    /// <summary>AG1–AG3 run from 10:45 to 13:00 in Mexico City (UTC−6) on 5 December 2017.</summary>
    public static readonly DateTimeOffset DuringActionGroups = new(2017, 12, 5, 16, 50, 0, TimeSpan.Zero);

    public const string RoomA = "room:Room A";
    public const string RoomB = "room:Room B";

    private static readonly Uri _identityUri = new("/api/web/identity", UriKind.Relative);
    private static readonly Uri _commandsUri = new("/api/web/commands", UriKind.Relative);

    private readonly WebApplicationFactory<Program> _root;
    private readonly bool _ownsDatabase;
    private HttpClient? _client;

    /// <param name="databasePath">Another app's database, to start again on it (a restart); that app deletes it.</param>
    public GcmBotApp(DateTimeOffset? now = null, IReadOnlyDictionary<string, string>? settings = null, string? databasePath = null)
    {
        _ownsDatabase = databasePath is null;
        DatabasePath = databasePath ?? Path.Combine(Directory.CreateTempSubdirectory("gcmbot-host-tests-").FullName, "meeting.db");
        Clock = new FakeTimeProvider(now ?? DuringActionGroups);
        _root = new WebApplicationFactory<Program>();
        Factory = _root.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Storage:ConnectionString", $"Data Source={DatabasePath}");
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Clock);
                services.AddSingleton<ILoggerProvider>(Logs);
            });
        });
    }

    public FakeTimeProvider Clock { get; }

    public LogRecorder Logs { get; } = new();

    public string DatabasePath { get; }

    public WebApplicationFactory<Program> Factory { get; }

    /// <summary>A client of the in-memory server; starts the host on first use.</summary>
    public HttpClient Client => _client ??= Factory.CreateClient();

    public IMeetingStore Store => Factory.Services.GetRequiredService<IMeetingStore>();

    /// <summary>Takes the database away as a failed disk would: idle connections closed, its directory moved away.</summary>
    public void BreakDatabase()
    {
        // The directory goes, with the WAL: no connection can create a file where it was.
        SqliteConnection.ClearAllPools();
        Directory.Move(Folder, Folder + ".away");
    }

    private string Folder => Path.GetDirectoryName(DatabasePath)!;

    public void RestoreDatabase()
    {
        Directory.Move(Folder + ".away", Folder);
    }

    /// <summary>A SignalR client of one of the host's hubs (<c>/hubs/chat</c>, <c>/hubs/display</c>), over the in-memory server.</summary>
    public HubConnection Hub(string path)
    {
        var server = Factory.Server;
        return new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, path), options =>
            {
                options.Transports = HttpTransportType.LongPolling;
                options.HttpMessageHandlerFactory = _ => server.CreateHandler();
            })
            .Build();
    }

    public Task<HttpResponseMessage> PostIdentityAsync(string? displayName, string? delegation, string? role) =>
        Client.PostAsJsonAsync(_identityUri, new { displayName, delegation, role });

    /// <summary>Picks an identity and returns its token; fails the test when the server refuses it.</summary>
    public async Task<string> IdentityAsync(string displayName, string? delegation, string role)
    {
        using var response = await PostIdentityAsync(displayName, delegation, role);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"identity {displayName}/{delegation}/{role}: {(int)response.StatusCode} {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("userId").GetString()!;
    }

    public async Task<HttpResponseMessage> PostCommandAsync(string? token, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _commandsUri) { Content = JsonContent.Create(body) };
        if (token is not null)
        {
            request.Headers.Add("X-GcmBot-User", token);
        }

        return await Client.SendAsync(request);
    }

    /// <summary>Sends typed text and returns the bot's reply (the second message of the answer).</summary>
    public Task<JsonElement> SendAsync(string token, string conversation, string text) =>
        ReplyAsync(PostCommandAsync(token, new { conversation, text }));

    /// <summary>Submits a form command and returns the bot's reply.</summary>
    public Task<JsonElement> SubmitAsync(string token, string conversation, string command, IReadOnlyDictionary<string, string> fields) =>
        ReplyAsync(PostCommandAsync(token, new { conversation, command, fields }));

    public async Task<T> QueryAsync<T>(Func<IMeetingData, CancellationToken, Task<T>> query) =>
        await Store.ExecuteAsync(query, CancellationToken.None);

    public Task<Session> SessionAsync(string code) =>
        QueryAsync(async (data, ct) =>
        {
            var meeting = await data.GetMeetingAsync(ct);
            return (await data.GetSessionsAsync(meeting!.Id, ct)).Single(s => s.Code == code);
        });

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);
        return json.RootElement.Clone();
    }

    public static IReadOnlyList<string> Labels(JsonElement reply) =>
        [.. reply.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("label").GetString()!)];

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        await Factory.DisposeAsync();
        await _root.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (_ownsDatabase)
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    private static async Task<JsonElement> ReplyAsync(Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        var json = await ReadJsonAsync(response);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {json}");
        var messages = json.GetProperty("messages");
        Assert.Equal(2, messages.GetArrayLength());
        return messages[1];
    }
}
