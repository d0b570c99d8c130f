using System.Net.WebSockets;
using System.Text.Json;
using GcmBot.Discord.RateLimits;
using GcmBot.Discord.Rest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GcmBot.Discord.Gateway;

/// <summary>
/// One Gateway v10 connection kept alive: Hello → Identify (or Resume) → dispatches; heartbeats with the
/// initial jitter and a zombie check; Reconnect (op 7), Invalid Session (op 9) and close codes handled as
/// Discord documents; identifies within <c>session_start_limit</c>; at most 120 sends per 60 s.
/// </summary>
internal sealed partial class GatewayClient : BackgroundService
{
    public const int SendsPerWindow = 120;
    public static readonly TimeSpan SendWindow = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan _identifyWindow = TimeSpan.FromSeconds(5);

    private readonly DiscordRest _rest;
    private readonly DiscordOptions _options;
    private readonly TimeProvider _time;
    private readonly GatewayJitter _jitter;
    private readonly IGatewayEvents _events;
    private readonly ILogger<GatewayClient> _logger;
    private readonly GatewaySession _session = new();
    private SlidingWindowLimiter? _identifies;

    /// <summary>Whether the current connection reached READY or RESUMED: only that resets the backoff.</summary>
    private bool _established;

    public GatewayClient(DiscordRest rest, IOptions<DiscordOptions> options, TimeProvider time, GatewayJitter jitter, IGatewayEvents events, ILogger<GatewayClient> logger)
    {
        _rest = rest;
        _options = options.Value;
        _time = time;
        _jitter = jitter;
        _events = events;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            GatewayOutcome outcome;
            try
            {
                var resume = _session.CanResume;
                var url = resume ? _session.ResumeUrl! : await IdentifyUrlAsync(stoppingToken);
                _established = false;
                outcome = await RunConnectionAsync(url, resume, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (DiscordRestException refused) when (refused.Status is System.Net.HttpStatusCode.Unauthorized)
            {
                LogStopped(_logger, "authentication failed: Discord:Token is wrong or was reset");
                return;
            }
            catch (Exception failure) when (failure is WebSocketException or HttpRequestException or IOException or DiscordRestException or JsonException)
            {
                var backoff = Backoff(failures++);
                LogConnectionFailed(_logger, failure, backoff.TotalSeconds);
                await Task.Delay(backoff, _time, stoppingToken);
                continue;
            }

            if (outcome == GatewayOutcome.Stop)
            {
                return;
            }

            if (_established)
            {
                failures = 0;
            }
            else
            {
                // Closed before READY (e.g. 4002 on every identify): reconnecting at once would loop.
                var backoff = Backoff(failures++);
                LogClosedBeforeReady(_logger, backoff.TotalSeconds);
                await Task.Delay(backoff, _time, stoppingToken);
            }

            if (outcome == GatewayOutcome.Identify)
            {
                _session.Reset();
            }
        }
    }

    /// <summary>1 s doubling per failure, capped at 60 s, times a jitter in [0.5, 1) so clients do not reconnect in step.</summary>
    private TimeSpan Backoff(int failures) => TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, Math.Min(failures, 6))) * (0.5 + (0.5 * _jitter.Next())));

    /// <summary>Where to identify, once <c>session_start_limit</c> and max_concurrency allow it.</summary>
    private async Task<Uri> IdentifyUrlAsync(CancellationToken cancellationToken)
    {
        var json = await _rest.GetAsync(DiscordRoute.Create(HttpMethod.Get, "gateway/bot"), cancellationToken);
        var gateway = json!.Value.Deserialize<GatewayBot>(DiscordJson.Options)!;
        var limit = gateway.SessionStartLimit;
        if (limit.Remaining <= 0)
        {
            var wait = TimeSpan.FromMilliseconds(limit.ResetAfter);
            LogSessionStartsExhausted(_logger, limit.Total, wait.TotalSeconds);
            await Task.Delay(wait, _time, cancellationToken);
        }

        // max_concurrency identifies per 5 seconds.
        _identifies ??= new SlidingWindowLimiter(Math.Max(1, limit.MaxConcurrency), _identifyWindow, _time);
        await _identifies.WaitAsync(cancellationToken);
        return _options.GatewayOverride ?? new Uri(gateway.Url);
    }

    private async Task<GatewayOutcome> RunConnectionAsync(Uri url, bool resume, CancellationToken stoppingToken)
    {
        using var socket = new ClientWebSocket();
        // Discord asks every client to name itself, on the upgrade as on REST.
        socket.Options.SetRequestHeader("User-Agent", DiscordChannel.UserAgent);
        using var connection = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        using var sender = new GatewaySender(socket, new SlidingWindowLimiter(SendsPerWindow, SendWindow, _time));
        var heartbeat = new HeartbeatState();
        Task? beating = null;
        await socket.ConnectAsync(WithVersion(url), stoppingToken);
        LogConnected(_logger, url.Host, resume);
        try
        {
            while (true)
            {
                var payload = await ReceiveAsync(socket, connection.Token);
                if (payload is null)
                {
                    return await OnClosedAsync(socket);
                }

                switch ((GatewayOpcode)payload.Op)
                {
                    case GatewayOpcode.Hello:
                        var interval = TimeSpan.FromMilliseconds(payload.D.GetProperty("heartbeat_interval").GetDouble());
                        beating = HeartbeatAsync(sender, interval, heartbeat, connection);
                        await sender.SendAsync(resume ? ResumeCommand() : IdentifyCommand(), connection.Token);
                        break;
                    case GatewayOpcode.HeartbeatAck:
                        heartbeat.Acked = true;
                        break;
                    case GatewayOpcode.Heartbeat:
                        await sender.SendAsync(new GatewayCommand((int)GatewayOpcode.Heartbeat, _session.Sequence), connection.Token);
                        break;
                    case GatewayOpcode.Dispatch:
                        OnDispatch(payload);
                        break;
                    case GatewayOpcode.Reconnect:
                        LogReconnectRequested(_logger);
                        await CloseAsync(socket);
                        return GatewayOutcome.Resume;
                    case GatewayOpcode.InvalidSession:
                        return await OnInvalidSessionAsync(socket, payload.D.ValueKind == JsonValueKind.True, stoppingToken);
                    default:
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (heartbeat.Zombie && !stoppingToken.IsCancellationRequested)
        {
            return GatewayOutcome.Resume;
        }
        catch (WebSocketException dropped) when (!stoppingToken.IsCancellationRequested)
        {
            LogDropped(_logger, dropped.Message);
            return GatewayOutcome.Resume;
        }
        finally
        {
            await connection.CancelAsync();
            if (beating is not null)
            {
                await beating;
            }

            if (stoppingToken.IsCancellationRequested && socket.State == WebSocketState.Open)
            {
                await CloseAsync(socket, WebSocketCloseStatus.NormalClosure);
            }

            socket.Abort();
        }
    }

    private async Task<GatewayOutcome> OnClosedAsync(ClientWebSocket socket)
    {
        var code = (int?)socket.CloseStatus;
        var outcome = GatewayCloseCodes.Classify(code);
        await CloseAsync(socket);
        if (outcome == GatewayOutcome.Stop)
        {
            var reason = GatewayCloseCodes.Explain(code);
            LogStopped(_logger, reason);
        }
        else
        {
            LogClosed(_logger, code, outcome);
        }

        return outcome;
    }

    private async Task<GatewayOutcome> OnInvalidSessionAsync(ClientWebSocket socket, bool resumable, CancellationToken stoppingToken)
    {
        LogInvalidSession(_logger, resumable);
        await CloseAsync(socket);
        if (resumable)
        {
            return GatewayOutcome.Resume;
        }

        // Discord asks for a random wait of 1–5 s before identifying again.
        await Task.Delay(TimeSpan.FromSeconds(1 + (4 * _jitter.Next())), _time, stoppingToken);
        return GatewayOutcome.Identify;
    }

    private void OnDispatch(GatewayPayload payload)
    {
        if (payload.S is { } sequence)
        {
            _session.Sequence = sequence;
        }

        if (payload.T == "READY")
        {
            _session.SessionId = payload.D.GetProperty("session_id").GetString();
            _session.ResumeUrl = new Uri(payload.D.GetProperty("resume_gateway_url").GetString()!);
            _established = true;
            LogReady(_logger, _session.SessionId);
        }
        else if (payload.T == "RESUMED")
        {
            _established = true;
            LogResumed(_logger, _session.SessionId, _session.Sequence);
        }

        if (payload.T is { } type)
        {
            _events.Dispatch(type, payload.D);
        }
    }

    private async Task HeartbeatAsync(GatewaySender sender, TimeSpan interval, HeartbeatState state, CancellationTokenSource connection)
    {
        try
        {
            await Task.Delay(interval * _jitter.Next(), _time, connection.Token);
            while (true)
            {
                if (!state.Acked)
                {
                    LogZombie(_logger);
                    state.Zombie = true;
                    await connection.CancelAsync();
                    return;
                }

                state.Acked = false;
                await sender.SendAsync(new GatewayCommand((int)GatewayOpcode.Heartbeat, _session.Sequence), connection.Token);
                await Task.Delay(interval, _time, connection.Token);
            }
        }
        catch (Exception ended) when (ended is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The connection ended; the receive loop decides what comes next.
        }
    }

    private GatewayCommand IdentifyCommand() =>
        new((int)GatewayOpcode.Identify, new IdentifyData(_options.Token!, (int)GatewayIntents.Bot, new IdentifyProperties(Environment.OSVersion.Platform.ToString().ToLowerInvariant(), "gcmbot", "gcmbot")));

    private GatewayCommand ResumeCommand() =>
        new((int)GatewayOpcode.Resume, new ResumeData(_options.Token!, _session.SessionId!, _session.Sequence));

    private static async Task<GatewayPayload?> ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                message.Position = 0;
                return await JsonSerializer.DeserializeAsync<GatewayPayload>(message, DiscordJson.Options, cancellationToken);
            }
        }
    }

    /// <summary>Closes our side; any code but 1000/1001 keeps the session resumable.</summary>
    private static async Task CloseAsync(ClientWebSocket socket, WebSocketCloseStatus status = (WebSocketCloseStatus)GatewayCloseCodes.ClientReconnect)
    {
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync(status, "reconnecting", timeout.Token);
            }
            catch (Exception failure) when (failure is WebSocketException or OperationCanceledException)
            {
                // Already gone: nothing to close.
            }
        }
    }

    private static Uri WithVersion(Uri url) => new UriBuilder(url) { Query = "v=10&encoding=json" }.Uri;

    [LoggerMessage(EventId = 6112, Level = LogLevel.Warning, Message = "Discord gateway closed before READY; reconnecting in {DelaySeconds:F1} s")]
    private static partial void LogClosedBeforeReady(ILogger logger, double delaySeconds);

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Discord gateway connected to {Host} (resume: {Resume})")]
    private static partial void LogConnected(ILogger logger, string host, bool resume);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information, Message = "Discord gateway ready, session {SessionId}")]
    private static partial void LogReady(ILogger logger, string? sessionId);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Information, Message = "Discord gateway resumed session {SessionId} at sequence {Sequence}")]
    private static partial void LogResumed(ILogger logger, string? sessionId, int? sequence);

    [LoggerMessage(EventId = 6104, Level = LogLevel.Warning, Message = "Discord gateway did not acknowledge the last heartbeat: reconnecting to resume")]
    private static partial void LogZombie(ILogger logger);

    [LoggerMessage(EventId = 6105, Level = LogLevel.Information, Message = "Discord gateway asked us to reconnect (op 7)")]
    private static partial void LogReconnectRequested(ILogger logger);

    [LoggerMessage(EventId = 6106, Level = LogLevel.Warning, Message = "Discord gateway invalidated the session (op 9, resumable: {Resumable})")]
    private static partial void LogInvalidSession(ILogger logger, bool resumable);

    [LoggerMessage(EventId = 6107, Level = LogLevel.Warning, Message = "Discord gateway closed the connection with code {Code}: {Outcome}")]
    private static partial void LogClosed(ILogger logger, int? code, GatewayOutcome outcome);

    [LoggerMessage(EventId = 6108, Level = LogLevel.Critical, Message = "Discord gateway stopped, not reconnecting: {Reason}")]
    private static partial void LogStopped(ILogger logger, string reason);

    [LoggerMessage(EventId = 6109, Level = LogLevel.Warning, Message = "Discord gateway connection failed; retrying in {BackoffSeconds} s")]
    private static partial void LogConnectionFailed(ILogger logger, Exception exception, double backoffSeconds);

    [LoggerMessage(EventId = 6110, Level = LogLevel.Warning, Message = "Discord identify limit used up ({Total} per day): waiting {WaitSeconds:F0} s")]
    private static partial void LogSessionStartsExhausted(ILogger logger, int total, double waitSeconds);

    [LoggerMessage(EventId = 6111, Level = LogLevel.Warning, Message = "Discord gateway connection dropped: {Reason}")]
    private static partial void LogDropped(ILogger logger, string reason);
}
