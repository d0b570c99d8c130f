using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using GcmBot.Core.Replies;
using GcmBot.Discord.RateLimits;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GcmBot.Discord.Rest;

/// <summary>
/// Discord REST v10 with the server's rate limits obeyed before sending: per-route buckets from the
/// <c>X-RateLimit-*</c> headers, the global limit (50 requests/s, and any global 429), 429 retries
/// after <c>Retry-After</c>, and retries with backoff on 5xx.
/// </summary>
internal sealed partial class DiscordRest : IDisposable
{
    public const int GlobalPerSecond = 50;
    private const int MaxAttempts = 5;
    private const int MaxServerErrorRetries = 3;

    private readonly HttpClient _http;
    private readonly DiscordOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<DiscordRest> _logger;
    private readonly SlidingWindowLimiter _global;
    private readonly Dictionary<string, SemaphoreSlim> _routeGates = [];
    private readonly Dictionary<string, string> _bucketOfRoute = [];
    private readonly Dictionary<string, RestBucket> _buckets = [];
    private readonly Lock _lock = new();

    public DiscordRest(HttpClient http, IOptions<DiscordOptions> options, TimeProvider time, ILogger<DiscordRest> logger)
    {
        _http = http;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _global = new SlidingWindowLimiter(GlobalPerSecond, TimeSpan.FromSeconds(1), time);
    }

    public Task<JsonElement?> GetAsync(DiscordRoute route, CancellationToken cancellationToken) =>
        SendAsync(route, null, null, cancellationToken);

    /// <summary>Sends one request, waiting as the rate limits require; returns the JSON answer (null for 204).</summary>
    /// <exception cref="DiscordRestException">Discord refused it, or kept failing.</exception>
    public Task<JsonElement?> SendAsync(DiscordRoute route, object? body, Attachment? file, CancellationToken cancellationToken) =>
        SendAsync(route, body, file, null, cancellationToken);

    /// <summary>
    /// Sends a request that Discord takes only until <paramref name="until"/> (an interaction callback): no attempt,
    /// wait or retry goes past it.
    /// </summary>
    /// <exception cref="DiscordRestException">Discord refused it, or the time ran out.</exception>
    public Task<JsonElement?> SendWithinAsync(DiscordRoute route, object? body, DateTimeOffset until, CancellationToken cancellationToken) =>
        SendAsync(route, body, null, until, cancellationToken);

    private async Task<JsonElement?> SendAsync(DiscordRoute route, object? body, Attachment? file, DateTimeOffset? until, CancellationToken cancellationToken)
    {
        var gate = RouteGate(route);
        await gate.WaitAsync(cancellationToken);
        try
        {
            var serverErrors = 0;
            for (var attempt = 1; ; attempt++)
            {
                var bucket = Bucket(route);
                var wait = bucket.WaitFor(_time.GetUtcNow());
                EnsureInTime(route, until, wait);
                if (wait > TimeSpan.Zero)
                {
                    LogBucketWait(_logger, route.Name, wait.TotalMilliseconds);
                    await Task.Delay(wait, _time, cancellationToken);
                }

                if (route.Global)
                {
                    await _global.WaitAsync(cancellationToken);
                }

                bucket.Take();
                using var request = Build(route, body, file);
                using var response = await _http.SendAsync(request, cancellationToken);
                var now = _time.GetUtcNow();
                Remember(route, response.Headers, now);

                if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < MaxAttempts)
                {
                    await OnTooManyRequestsAsync(route, response, now, cancellationToken);
                    continue;
                }

                if ((int)response.StatusCode >= 500 && serverErrors < MaxServerErrorRetries)
                {
                    var backoff = TimeSpan.FromSeconds(Math.Pow(2, serverErrors++));
                    EnsureInTime(route, until, backoff);
                    LogServerError(_logger, (int)response.StatusCode, route.Name, backoff.TotalMilliseconds);
                    await Task.Delay(backoff, _time, cancellationToken);
                    continue;
                }

                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    throw new DiscordRestException(response.StatusCode, route.Name, text.Length > 500 ? text[..500] : text);
                }

                if (text.Length == 0)
                {
                    return null;
                }

                using var json = JsonDocument.Parse(text);
                return json.RootElement.Clone();
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Gives up rather than send after the deadline: Discord would refuse it anyway (10062).</summary>
    private void EnsureInTime(DiscordRoute route, DateTimeOffset? until, TimeSpan wait)
    {
        if (until is { } end && _time.GetUtcNow() + wait >= end)
        {
            LogTooLate(_logger, route.Name);
            throw new DiscordRestException($"{route.Name} was not sent: Discord's time for it ran out");
        }
    }

    private async Task OnTooManyRequestsAsync(DiscordRoute route, HttpResponseMessage response, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var retryAfter = Seconds(response.Headers, "Retry-After") ?? await BodyRetryAfterAsync(response, cancellationToken) ?? 1;
        var scope = Header(response.Headers, "X-RateLimit-Scope") ?? "user";
        var global = string.Equals(Header(response.Headers, "X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase) || scope == "global";
        var until = now + TimeSpan.FromSeconds(retryAfter);
        LogTooManyRequests(_logger, route.Name, scope, global, retryAfter * 1000);
        if (global)
        {
            _global.BlockUntil(until);
        }
        else
        {
            Bucket(route).Update(0, until);
        }
    }

    private static async Task<double?> BodyRetryAfterAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            return json.RootElement.TryGetProperty("retry_after", out var value) && value.TryGetDouble(out var seconds) ? seconds : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private HttpRequestMessage Build(DiscordRoute route, object? body, Attachment? file)
    {
        var request = new HttpRequestMessage(route.Method, route.Path);
        request.Headers.UserAgent.ParseAdd(DiscordChannel.UserAgent);
        if (route.Authenticated)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bot", _options.Token);
        }

        if (file is not null)
        {
            // Discord's multipart form: the JSON in payload_json, the file as files[0].
            var form = new MultipartFormDataContent
            {
                { JsonContent.Create(body, options: DiscordJson.Options), "payload_json" },
            };
            var content = new ByteArrayContent(file.Content);
            content.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType);
            form.Add(content, "files[0]", file.FileName);
            request.Content = form;
        }
        else if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: DiscordJson.Options);
        }

        return request;
    }

    /// <summary>Records the bucket's state from the response headers.</summary>
    private void Remember(DiscordRoute route, HttpResponseHeaders headers, DateTimeOffset now)
    {
        if (Header(headers, "X-RateLimit-Bucket") is { } hash)
        {
            lock (_lock)
            {
                _bucketOfRoute[route.Key] = hash;
            }
        }

        if (Header(headers, "X-RateLimit-Remaining") is { } remainingText
            && int.TryParse(remainingText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var remaining)
            && Seconds(headers, "X-RateLimit-Reset-After") is { } resetAfter)
        {
            Bucket(route).Update(remaining, now + TimeSpan.FromSeconds(resetAfter));
        }
    }

    private RestBucket Bucket(DiscordRoute route)
    {
        lock (_lock)
        {
            // Routes that share a bucket hash share its state, per major parameter.
            var key = _bucketOfRoute.TryGetValue(route.Key, out var hash) ? $"{hash}:{route.Major}" : route.Key;
            if (!_buckets.TryGetValue(key, out var bucket))
            {
                _buckets[key] = bucket = new RestBucket();
            }

            return bucket;
        }
    }

    /// <summary>One request at a time per route, so each one sees the headers of the previous.</summary>
    private SemaphoreSlim RouteGate(DiscordRoute route)
    {
        lock (_lock)
        {
            if (!_routeGates.TryGetValue(route.Key, out var gate))
            {
                _routeGates[route.Key] = gate = new SemaphoreSlim(1, 1);
            }

            return gate;
        }
    }

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static double? Seconds(HttpResponseHeaders headers, string name) =>
        Header(headers, name) is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) ? seconds : null;

    public void Dispose()
    {
        _global.Dispose();
        foreach (var gate in _routeGates.Values)
        {
            gate.Dispose();
        }
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Debug, Message = "Discord bucket of {Route} is empty: waiting {WaitMs:F0} ms")]
    private static partial void LogBucketWait(ILogger logger, string route, double waitMs);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "Discord rate-limited {Route} (scope {Scope}, global {Global}): retrying after {RetryMs:F0} ms")]
    private static partial void LogTooManyRequests(ILogger logger, string route, string scope, bool global, double retryMs);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Warning, Message = "Discord's time for {Route} ran out before it could be sent (or sent again)")]
    private static partial void LogTooLate(ILogger logger, string route);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Warning, Message = "Discord answered {Status} to {Route}: retrying in {BackoffMs:F0} ms")]
    private static partial void LogServerError(ILogger logger, int status, string route, double backoffMs);
}
