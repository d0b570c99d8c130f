using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GcmBot.Discord.Tests.Fakes;

/// <summary>
/// A scripted stand-in for Discord's servers (which cannot be reached here), on loopback with Kestrel:
/// the Gateway v10 protocol over a real WebSocket (Hello, Identify → READY, Resume → RESUMED, heartbeat
/// acks, dispatches with sequence numbers, close codes) and the REST v10 routes the adapter uses. It
/// records every frame and request with the fake clock's time. discord.js connects to it in
/// DiscordJsTests, which checks it speaks the protocol a real client expects.
/// </summary>
public sealed class FakeDiscord : IAsyncDisposable
{
    public const string BotUserId = "900000000000000001";
    public const string ApplicationId = "900000000000000002";
    public const string GuildId = "900000000000000003";
    public const string SessionId = "fake-session-1";

    /// <summary>Discord's command name rule; .NET names the Devanagari and Thai scripts by their Unicode blocks.</summary>
    private static readonly System.Text.RegularExpressions.Regex _commandName = new(@"^[-_\p{L}\p{N}\p{IsDevanagari}\p{IsThai}]{1,32}$", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));

    private static readonly System.Text.RegularExpressions.Regex _userAgent = new(@"^DiscordBot \(\S+, [^)]+\)", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));

    private readonly WebApplication _app;
    private readonly TimeProvider _clock;
    private long _snowflake = 1_100_000_000_000_000_000;
    private int _requests;
    private int _sessions;
    private readonly System.Collections.Concurrent.ConcurrentBag<WebSocket> _sockets = [];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IssuedInteraction> _interactions = new();

    private FakeDiscord(WebApplication app, TimeProvider clock)
    {
        _app = app;
        _clock = clock;
    }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>REST base with the version, as the adapter's <c>Discord:ApiBaseUrl</c>.</summary>
    public Uri ApiBase => new(BaseAddress, "api/v10/");

    public Uri GatewayUrl => new($"ws://{BaseAddress.Authority}/gateway");

    public Uri ResumeUrl => new($"ws://{BaseAddress.Authority}/resume");

    public Recorder<RecordedRequest> Requests { get; } = new();

    public Recorder<FakeGatewayConnection> Connections { get; } = new();

    public int HeartbeatInterval { get; set; } = 41_250;

    public bool AutoReady { get; set; } = true;

    public bool AutoAck { get; set; } = true;

    /// <summary>Answers <c>GET /gateway/bot</c>'s session_start_limit.</summary>
    public (int Remaining, long ResetAfter, int MaxConcurrency) SessionStartLimit { get; set; } = (1000, 0, 1);

    /// <summary>Guilds sent as unavailable in READY, then each in a GUILD_CREATE.</summary>
    public IList<object> Guilds { get; } = [];

    /// <summary>Users who do not accept direct messages from server members: Discord answers 50007.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, bool> ClosedDirectMessages { get; } = new();

    /// <summary>
    /// How long an interaction may wait for its callback, and how long its token then works for follow-ups
    /// (Discord: 3 seconds and 15 minutes).
    /// </summary>
    public static readonly TimeSpan CallbackWindow = TimeSpan.FromSeconds(3);

    public static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(15);

    /// <summary>The server's owner (<c>GET /guilds/{id}</c>).</summary>
    public string OwnerId { get; set; } = "800000000000009999";

    /// <summary>The server's roles and their permissions; the @everyone role has the server's id.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, string> RolePermissions { get; } = new() { [GuildId] = "3072" };

    /// <summary>Members' role ids (<c>GET /guilds/{id}/members/{user}</c>); a user not listed is not a member (10007).</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, string[]> MemberRoles { get; } = new();

    /// <summary>Scripted answers; return null to fall back to the default for the route.</summary>
    public Func<RecordedRequest, FakeResponse?>? Responder { get; set; }

    public static async Task<FakeDiscord> StartAsync(TimeProvider clock)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var app = builder.Build();
        var fake = new FakeDiscord(app, clock);
        app.UseWebSockets();
        app.Map("/gateway", fake.AcceptGatewayAsync);
        app.Map("/resume", fake.AcceptGatewayAsync);
        app.Map("/api/v10/{**route}", fake.HandleRestAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        return fake;
    }

    public Task<FakeGatewayConnection> ConnectionAsync(int number) =>
        Connections.WaitAsync(_ => true, number, $"gateway connection #{number}").ContinueWith(t => t.Result[number - 1], TaskScheduler.Default);

    public Task<RecordedRequest> RequestAsync(string method, string pathStart) =>
        Requests.WaitOneAsync(r => r.Method == method && r.Path.StartsWith(pathStart, StringComparison.Ordinal), $"{method} {pathStart}");

    /// <summary>Starts an interaction's 3-second window (done for every INTERACTION_CREATE the gateway sends).</summary>
    public void Issue(string id, string token) => _interactions[id] = new IssuedInteraction(token, _clock.GetUtcNow());

    public string NextId() => Interlocked.Increment(ref _snowflake).ToString(CultureInfo.InvariantCulture);

    private async Task AcceptGatewayAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        _sockets.Add(socket);
        var connection = new FakeGatewayConnection(socket, context.Request.Path, 0)
        {
            UserAgent = context.Request.Headers.UserAgent.ToString(),
            Dispatched = (type, data) =>
            {
                if (type == "INTERACTION_CREATE")
                {
                    Issue(data.GetProperty("id").GetString()!, data.GetProperty("token").GetString()!);
                }
            },
        };
        Connections.Add(connection);
        await connection.SendAsync(new { op = 10, d = new { heartbeat_interval = HeartbeatInterval }, s = (int?)null, t = (string?)null });
        try
        {
            while (await connection.ReceiveAsync(context.RequestAborted) is { } text)
            {
                var json = JsonDocument.Parse(text).RootElement;
                var frame = new GatewayFrame(json.GetProperty("op").GetInt32(), json.TryGetProperty("d", out var d) ? d.Clone() : default, _clock.GetUtcNow());
                connection.Frames.Add(frame);
                await AnswerAsync(connection, frame);
            }
        }
        catch (Exception dropped) when (dropped is WebSocketException or OperationCanceledException or IOException)
        {
            // The client went away without a close handshake (a zombie check, an abort).
        }
        finally
        {
            connection.Closed.TrySetResult();
        }
    }

    private async Task AnswerAsync(FakeGatewayConnection connection, GatewayFrame frame)
    {
        switch (frame.Op)
        {
            case 1 when AutoAck:
                await connection.SendAsync(new { op = 11, d = (object?)null });
                break;
            case 2 when AutoReady:
                var session = Interlocked.Increment(ref _sessions);
                await connection.DispatchAsync("READY", new
                {
                    v = 10,
                    user = new { id = BotUserId, username = "gcmbot", discriminator = "0", global_name = (string?)null, avatar = (string?)null, bot = true, flags = 0 },
                    guilds = Guilds.Select(g => new { id = JsonSerializer.SerializeToElement(g).GetProperty("id").GetString(), unavailable = true }).ToArray(),
                    session_id = session == 1 ? SessionId : $"fake-session-{session}",
                    resume_gateway_url = ResumeUrl.ToString(),
                    application = new { id = ApplicationId, flags = 0 },
                });
                foreach (var guild in Guilds)
                {
                    await connection.DispatchAsync("GUILD_CREATE", guild);
                }

                break;
            case 6:
                await connection.DispatchAsync("RESUMED", new { });
                break;
            default:
                break;
        }
    }

    private async Task HandleRestAsync(HttpContext context)
    {
        var request = context.Request;
        string? body = null;
        var files = new List<string>();
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            body = form["payload_json"];
            files.AddRange(form.Files.Select(f => $"{f.Name}:{f.FileName}"));
        }
        else if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            body = await reader.ReadToEndAsync();
        }

        var recorded = new RecordedRequest(
            Interlocked.Increment(ref _requests),
            request.Method,
            "/" + (string)context.Request.RouteValues["route"]!,
            request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body,
            files,
            _clock.GetUtcNow());

        // Discord requires clients to name themselves in this form on REST calls.
        var answer = !_userAgent.IsMatch(request.Headers.UserAgent.ToString())
            ? new FakeResponse(403, """{"message": "A valid User-Agent (DiscordBot ($url, $versionNumber)) is required", "code": 0}""")
            : Responder?.Invoke(recorded) ?? Answer(recorded);
        Requests.Add(recorded with { Status = answer.Status });
        context.Response.StatusCode = answer.Status;
        foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        if (answer.Json is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(answer.Json);
        }
    }

    /// <summary>What Discord answers (what the fake does without a <see cref="Responder"/>).</summary>
    public FakeResponse Answer(RecordedRequest request)
    {
        var segments = request.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (request.Method is "POST" or "PATCH" && request.Body is not null && OverLimits(request) is { } refusal)
        {
            return refusal;
        }

        if (request.Method == "PUT" && segments is ["applications", _, .., "commands"] && CommandsRefused(request.Json) is { } invalid)
        {
            return invalid;
        }

        return (request.Method, segments) switch
        {
            ("GET", ["gateway", "bot"]) => Json(new
            {
                url = GatewayUrl.ToString(),
                shards = 1,
                session_start_limit = new { total = 1000, remaining = SessionStartLimit.Remaining, reset_after = SessionStartLimit.ResetAfter, max_concurrency = SessionStartLimit.MaxConcurrency },
            }),
            ("GET", ["gateway"]) => Json(new { url = GatewayUrl.ToString() }),
            ("GET", ["guilds", GuildId]) => Json(new
            {
                id = GuildId,
                name = "Global Compact for Migration",
                owner_id = OwnerId,
                roles = RolePermissions.Select(r => new { id = r.Key, name = r.Key == GuildId ? "@everyone" : "role " + r.Key, permissions = r.Value, position = 0 }).ToArray(),
            }),
            ("GET", ["guilds", GuildId, "members", var user]) when MemberRoles.TryGetValue(user, out var roles) =>
                Json(new { user = new { id = user, username = "member" }, roles, joined_at = "2017-12-01T00:00:00+00:00" }),
            ("GET", ["guilds", _, "members", _]) => new FakeResponse(404, """{"message": "Unknown Member", "code": 10007}"""),
            ("POST", ["channels", var channel, "messages"]) when channel.StartsWith("dm-", StringComparison.Ordinal) && ClosedDirectMessages.ContainsKey(channel[3..]) =>
                new FakeResponse(403, """{"message": "Cannot send messages to this user", "code": 50007}"""),
            ("POST", ["channels", var channel, "messages"]) => Json(Message(channel, request)),
            ("POST", ["users", "@me", "channels"]) => Json(new { id = "dm-" + request.Json.GetProperty("recipient_id").GetString(), type = 1 }),
            ("POST", ["interactions", var id, var token, "callback"]) => Callback(id, token),
            (_, ["webhooks", _, var token, ..]) when WebhookRefused(token) is { } refused => refused,
            ("PATCH", ["webhooks", _, _, "messages", "@original"]) => Json(Message("interaction", request)),
            ("DELETE", ["webhooks", _, _, "messages", "@original"]) => new FakeResponse(204),
            ("POST", ["webhooks", _, _]) => Json(Message("interaction", request)),
            ("PUT", ["applications", _, .., "commands"]) => new FakeResponse(200, request.Body),
            _ => new FakeResponse(404, """{"message": "Unknown route", "code": 0}"""),
        };
    }

    /// <summary>
    /// Discord's rules for the first answer: within 3 seconds of the interaction (else 10062 Unknown interaction,
    /// and the token is dead) and only once (a second one gets 40060).
    /// </summary>
    private FakeResponse Callback(string id, string token)
    {
        if (!_interactions.TryGetValue(id, out var issued) || issued.Token != token || _clock.GetUtcNow() - issued.At > CallbackWindow)
        {
            return new FakeResponse(404, """{"message": "Unknown interaction", "code": 10062}""");
        }

        return Interlocked.Exchange(ref issued.Acknowledged, 1) == 0
            ? new FakeResponse(204)
            : new FakeResponse(400, """{"message": "Interaction has already been acknowledged.", "code": 40060}""");
    }

    /// <summary>An interaction's webhook exists once it was acknowledged, for 15 minutes from the interaction.</summary>
    private FakeResponse? WebhookRefused(string token)
    {
        var issued = _interactions.Values.FirstOrDefault(i => i.Token == token);
        if (issued is null || issued.Acknowledged == 0)
        {
            return new FakeResponse(404, """{"message": "Unknown Webhook", "code": 10015}""");
        }

        return _clock.GetUtcNow() - issued.At > TokenLifetime
            ? new FakeResponse(401, """{"message": "Invalid Webhook Token", "code": 50027}""")
            : null;
    }

    /// <summary>
    /// Discord's documented message limits, enforced as Discord does (400, code 50035 Invalid Form Body): 2,000
    /// characters of content, 10 embeds, per embed a 256-character title, 4,096 of description, 25 fields
    /// (name 256, value 1,024), and 6,000 characters across all embeds of a message.
    /// </summary>
    private static FakeResponse? OverLimits(RecordedRequest request)
    {
        var json = request.Json;
        if (json.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var message = json.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object ? data : json;
        static int Length(JsonElement parent, string name) => parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()!.Length : 0;
        var problems = new List<string>();
        if (Length(message, "content") > 2000)
        {
            problems.Add("content: Must be 2000 or fewer in length.");
        }

        if (message.TryGetProperty("embeds", out var embeds) && embeds.ValueKind == JsonValueKind.Array)
        {
            if (embeds.GetArrayLength() > 10)
            {
                problems.Add("embeds: Must be 10 or fewer in length.");
            }

            var total = 0;
            foreach (var embed in embeds.EnumerateArray())
            {
                total += Length(embed, "title") + Length(embed, "description");
                if (Length(embed, "title") > 256 || Length(embed, "description") > 4096)
                {
                    problems.Add("embeds.description: Must be 4096 or fewer in length.");
                }

                if (embed.TryGetProperty("fields", out var fields) && fields.ValueKind == JsonValueKind.Array)
                {
                    if (fields.GetArrayLength() > 25)
                    {
                        problems.Add("embeds.fields: Must be 25 or fewer in length.");
                    }

                    foreach (var field in fields.EnumerateArray())
                    {
                        total += Length(field, "name") + Length(field, "value");
                        if (Length(field, "name") > 256 || Length(field, "value") > 1024)
                        {
                            problems.Add("embeds.fields: name at most 256, value at most 1024.");
                        }
                    }
                }
            }

            if (total > 6000)
            {
                problems.Add("embeds: Embed size exceeds maximum size of 6000");
            }
        }

        return problems.Count == 0
            ? null
            : new FakeResponse(400, JsonSerializer.Serialize(new { code = 50035, message = "Invalid Form Body", errors = problems }));
    }

    /// <summary>
    /// Discord's rules for registering slash commands, enforced as Discord does (400, code 50035 Invalid Form Body): names,
    /// in every locale, match <c>^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$</c> in lower case; descriptions have 1 to 100
    /// characters; localisations are keyed by Discord's locales (the OpenAPI description's <c>AvailableLocalesEnum</c>);
    /// in each locale, commands have distinct names and so do a command's options.
    /// </summary>
    public static FakeResponse? CommandsRefused(JsonElement commands)
    {
        var problems = new List<string>();
        var locales = OpenApi.Locales();
        void Check(string where, JsonElement item, Dictionary<string, HashSet<string>> siblings)
        {
            foreach (var (locale, name) in Localised(item, "name"))
            {
                if (locale.Length > 0 && !locales.Contains(locale))
                {
                    problems.Add($"{where}.name_localizations: {locale} is not a valid locale");
                }

                if (!_commandName.IsMatch(name) || name.Any(char.IsUpper))
                {
                    problems.Add($"{where}.name{(locale.Length > 0 ? "_localizations." + locale : "")}: `{name}` does not match the name rules");
                }

                if (!(siblings.TryGetValue(locale, out var names) ? names : siblings[locale] = []).Add(name))
                {
                    problems.Add($"{where}.name{(locale.Length > 0 ? "_localizations." + locale : "")}: `{name}` is a duplicate");
                }
            }

            foreach (var (locale, description) in Localised(item, "description"))
            {
                if (locale.Length > 0 && !locales.Contains(locale))
                {
                    problems.Add($"{where}.description_localizations: {locale} is not a valid locale");
                }

                if (description.Length is < 1 or > 100)
                {
                    problems.Add($"{where}.description: must be 1 to 100 characters");
                }
            }
        }

        var commandNames = new Dictionary<string, HashSet<string>>();
        var i = 0;
        foreach (var command in commands.EnumerateArray())
        {
            Check($"{i}", command, commandNames);
            var optionNames = new Dictionary<string, HashSet<string>>();
            var j = 0;
            foreach (var option in command.TryGetProperty("options", out var options) ? options.EnumerateArray() : default)
            {
                Check($"{i}.options.{j++}", option, optionNames);
            }

            i++;
        }

        return problems.Count == 0
            ? null
            : new FakeResponse(400, JsonSerializer.Serialize(new { code = 50035, message = "Invalid Form Body", errors = problems }));
    }

    /// <summary>The default text (locale "") and its localisations.</summary>
    private static IEnumerable<(string Locale, string Text)> Localised(JsonElement item, string field)
    {
        if (item.TryGetProperty(field, out var text) && text.ValueKind == JsonValueKind.String)
        {
            yield return ("", text.GetString()!);
        }

        if (item.TryGetProperty(field + "_localizations", out var localised) && localised.ValueKind == JsonValueKind.Object)
        {
            foreach (var entry in localised.EnumerateObject())
            {
                yield return (entry.Name, entry.Value.GetString() ?? "");
            }
        }
    }

    private object Message(string channel, RecordedRequest request) =>
        new { id = NextId(), channel_id = channel, content = request.Body is null ? "" : request.Json.TryGetProperty("content", out var c) ? c.GetString() : "" };

    private static FakeResponse Json(object value) => new(200, JsonSerializer.Serialize(value));

    public async ValueTask DisposeAsync()
    {
        foreach (var socket in _sockets)
        {
            socket.Abort();
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
