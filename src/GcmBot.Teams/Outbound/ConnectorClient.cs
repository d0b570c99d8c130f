using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using GcmBot.Teams.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace GcmBot.Teams.Outbound;

/// <summary>
/// The Bot Framework Connector REST API (<c>/v3/conversations/…</c>) for the calls GcmBot makes, each
/// paced by <see cref="ConnectorPacer"/> and retried on 429, 412, 5xx and network failures with
/// exponential backoff and jitter, or after the connector's Retry-After.
/// </summary>
internal sealed partial class ConnectorClient
{
    public const string HttpClientName = "GcmBot.Teams.Connector";

    private readonly IHttpClientFactory _http;
    private readonly BotTokenProvider _tokens;
    private readonly ConnectorPacer _pacer;
    private readonly Auth.ServiceUrlTrust _trust;
    private readonly ILogger<ConnectorClient> _logger;
    private readonly ResiliencePipeline<HttpResponseMessage> _retry;

    public ConnectorClient(IHttpClientFactory http, BotTokenProvider tokens, ConnectorPacer pacer, Auth.ServiceUrlTrust trust, TimeProvider time, IOptions<TeamsOptions> options, ILogger<ConnectorClient> logger)
    {
        _http = http;
        _tokens = tokens;
        _pacer = pacer;
        _trust = trust;
        _logger = logger;
        _retry = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(0, options.Value.MaxRetries),
                Delay = options.Value.RetryDelay,
                MaxDelay = TimeSpan.FromMinutes(5),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                {
                    { Exception: HttpRequestException } => true,
                    { Result: { } response } => IsTransient(response.StatusCode),
                    _ => false,
                }),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, time)),
                OnRetry = args =>
                {
                    LogRetry(_logger, args.AttemptNumber + 1, (int?)args.Outcome.Result?.StatusCode ?? 0, args.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <summary>Teams asks bots to retry 429, 412, 502 and 504; other 5xx are transient too.</summary>
    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed || (int)status >= 500;

    /// <summary>Sends one queued message; false when it could not be delivered (already logged).</summary>
    public async Task<bool> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        var target = message.Target;
        var conversationId = target.ConversationId;
        if (message.DirectTo is { } user)
        {
            var (created, _) = await CallAsync(target.ServiceUrl, "/v3/conversations", "direct:" + user.Id,
                new ConversationParameters(new ChannelAccount(target.BotId, target.BotName), [user], target.TenantId), cancellationToken);
            if (created?.Id is not { Length: > 0 } id)
            {
                return false;
            }

            conversationId = id;
        }

        var path = $"/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities"
            + (message.ReplyToId is { Length: > 0 } replyTo ? "/" + Uri.EscapeDataString(replyTo) : "");
        var activity = message.Activity with { Conversation = new ConversationAccount(conversationId) };
        var (sent, status) = await CallAsync(target.ServiceUrl, path, conversationId, activity, cancellationToken);
        if (sent is null && status == HttpStatusCode.RequestEntityTooLarge)
        {
            // Still too big for Teams: a shorter version rather than nothing.
            LogTooLarge(_logger, conversationId);
            (sent, _) = await CallAsync(target.ServiceUrl, path, conversationId, TeamsActivities.Shorter(activity) with { Conversation = activity.Conversation }, cancellationToken);
        }

        return sent is not null;
    }

    private async Task<(ResourceResponse? Response, HttpStatusCode? Status)> CallAsync(string serviceUrl, string path, string conversationId, object body, CancellationToken cancellationToken)
    {
        if (!_trust.IsTrusted(serviceUrl))
        {
            LogUntrusted(_logger, serviceUrl);
            return (null, null);
        }

        var uri = new Uri(serviceUrl.TrimEnd('/') + path);
        var client = _http.CreateClient(HttpClientName);
        try
        {
            using var response = await _retry.ExecuteAsync(async ct =>
            {
                await _pacer.WaitTurnAsync(conversationId, ct);
                using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = JsonContent.Create(body, body.GetType(), options: TeamsJson.Options) };
                if (await _tokens.GetTokenAsync(ct) is { } token)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                }

                return await client.SendAsync(request, ct);
            }, cancellationToken);

            if (!response.IsSuccessStatusCode)
            {
                LogGaveUp(_logger, uri.GetLeftPart(UriPartial.Path), (int)response.StatusCode, await ErrorAsync(response, cancellationToken));
                return (null, response.StatusCode);
            }

            // The connector answers with a ResourceResponse ({ id }); some peers send no body at all.
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return (text.Length == 0 ? new ResourceResponse(null) : JsonSerializer.Deserialize<ResourceResponse>(text, TeamsJson.Options) ?? new ResourceResponse(null), response.StatusCode);
        }
        catch (Exception failure) when (failure is HttpRequestException or JsonException or Microsoft.Identity.Client.MsalException
            or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogFailed(_logger, failure, uri.GetLeftPart(UriPartial.Path));
            return (null, null);
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider time)
    {
        var header = response?.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? (date - time.GetUtcNow()) is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero : null;
    }

    private static async Task<string> ErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return text.Length > 500 ? text[..500] : text;
    }

    [LoggerMessage(EventId = 7104, Level = LogLevel.Error, Message = "Teams connector {ServiceUrl} was not vouched for by a validated token (or is not on this machine in anonymous mode); the message was not sent")]
    private static partial void LogUntrusted(ILogger logger, string serviceUrl);

    [LoggerMessage(EventId = 7105, Level = LogLevel.Warning, Message = "Teams refused a message to {ConversationId} as too large (413); sending a shorter version")]
    private static partial void LogTooLarge(ILogger logger, string conversationId);

    [LoggerMessage(EventId = 7101, Level = LogLevel.Warning, Message = "Teams connector call failed; retry {Attempt} (status {Status}) in {DelayMs} ms")]
    private static partial void LogRetry(ILogger logger, int attempt, int status, double delayMs);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Error, Message = "Teams connector refused {Uri} with {Status} after retries; the message was not delivered: {Error}")]
    private static partial void LogGaveUp(ILogger logger, string uri, int status, string error);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Error, Message = "Teams connector call to {Uri} failed after retries; the message was not delivered")]
    private static partial void LogFailed(ILogger logger, Exception exception, string uri);
}
