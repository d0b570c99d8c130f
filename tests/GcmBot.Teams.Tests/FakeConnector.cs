using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace GcmBot.Teams.Tests;

/// <summary>
/// Stands in for the Bot Framework connector service (Teams' servers cannot run here): the
/// <c>/v3/conversations</c> routes of the published Connector API, on loopback. Records every call and can
/// be scripted to fail (status and Retry-After) for the next calls.
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    /// <summary>Teams' message size limit (the activity counted in UTF-16).</summary>
    public const int MaxMessageBytes = 40 * 1024;

    private readonly LoopbackServer _server;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<(HttpStatusCode Status, TimeSpan? RetryAfter)> _failures = new();
    private readonly ConcurrentQueue<ConnectorCall> _all = new();
    private int _ids;

    private FakeConnector(LoopbackServer server)
    {
        _server = server;
    }

    /// <summary>The serviceUrl activities carry.</summary>
    public string ServiceUrl => _server.Address.AbsoluteUri.TrimEnd('/');

    /// <summary>Every call received, failed ones included, in arrival order.</summary>
    public IReadOnlyCollection<ConnectorCall> All => _all;

    public static async Task<FakeConnector> StartAsync()
    {
        FakeConnector? connector = null;
        var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/v3/conversations", (Delegate)((HttpContext http) => connector!.RecordAsync(http, null, null)));
            app.MapPost("/v3/conversations/{conversation}/activities", (HttpContext http, string conversation) => connector!.RecordAsync(http, conversation, null));
            app.MapPost("/v3/conversations/{conversation}/activities/{replyTo}", (HttpContext http, string conversation, string replyTo) => connector!.RecordAsync(http, conversation, replyTo));
        });
        connector = new FakeConnector(server);
        return connector;
    }

    /// <summary>The next calls are answered with these failures, in order, before calls succeed again.</summary>
    public void FailNext(HttpStatusCode status, int times = 1, TimeSpan? retryAfter = null)
    {
        for (var i = 0; i < times; i++)
        {
            _failures.Enqueue((status, retryAfter));
        }
    }

    /// <summary>Waits for a call (earlier ones included) that <paramref name="match"/> accepts.</summary>
    public async Task<ConnectorCall> WaitForAsync(Func<ConnectorCall, bool> match, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var changed = _changed.Task;
            if (_all.FirstOrDefault(match) is { } hit)
            {
                return hit;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"The connector never got {what}. It got: {string.Join(" || ", _all.Select(c => $"[{c.Conversation} → {c.ReplyTo}, {(int)c.Status}] {c.Body}"))}");
            }

            try
            {
                await changed.WaitAsync(left);
            }
            catch (TimeoutException)
            {
                // Loop once more to report.
            }
        }
    }

    /// <summary>The delivered reply to the activity with this id.</summary>
    public Task<ConnectorCall> ReplyToAsync(string activityId) =>
        WaitForAsync(c => c.ReplyTo == activityId && c.Status == HttpStatusCode.Created, $"a reply to {activityId}");

    /// <summary>A delivered message containing <paramref name="text"/> (in its text or card).</summary>
    public Task<ConnectorCall> ContainingAsync(string text, Func<ConnectorCall, bool>? also = null) =>
        WaitForAsync(c => c.Status == HttpStatusCode.Created && c.AllText.Contains(text, StringComparison.Ordinal) && (also?.Invoke(c) ?? true), $"a message containing '{text}'");

    /// <summary>The id of the bot's personal conversation with <paramref name="userId"/>.</summary>
    public static string PersonalConversation(string userId) => "a:personal-" + userId;

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task<IResult> RecordAsync(HttpContext http, string? conversation, string? replyTo)
    {
        using var reader = new StreamReader(http.Request.Body);
        var raw = await reader.ReadToEndAsync();
        using var body = JsonDocument.Parse(raw);
        var status = HttpStatusCode.Created;
        TimeSpan? retryAfter = null;
        if (_failures.TryDequeue(out var failure))
        {
            (status, retryAfter) = failure;
        }
        else if (raw.Length * 2 > MaxMessageBytes)
        {
            // Teams' documented limit: the whole payload, counted in UTF-16, at most 40 KB; else 413 MessageSizeTooBig.
            status = HttpStatusCode.RequestEntityTooLarge;
        }

        var call = new ConnectorCall(conversation, replyTo, http.Request.Headers.Authorization.ToString(), body.RootElement.Clone(), status);
        _all.Enqueue(call);
        Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        if (status != HttpStatusCode.Created)
        {
            if (retryAfter is { } wait)
            {
                http.Response.Headers.RetryAfter = ((int)wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return status == HttpStatusCode.RequestEntityTooLarge
                ? Results.Json(new { error = new { code = "MessageSizeTooBig", message = "Message size too big" } }, statusCode: (int)status)
                : Results.Json(new { error = new { code = "ServiceError", message = "scripted failure" } }, statusCode: (int)status);
        }

        var id = Interlocked.Increment(ref _ids).ToString(System.Globalization.CultureInfo.InvariantCulture);
        // Like the real connector, creating a personal conversation that exists returns the same one.
        return Results.Json(new { id = conversation is null ? PersonalConversation(call.Body.GetProperty("members")[0].GetProperty("id").GetString()!) : id }, statusCode: StatusCodes.Status201Created);
    }
}

/// <param name="Conversation">Null for a created conversation (<c>POST /v3/conversations</c>).</param>
public sealed record ConnectorCall(string? Conversation, string? ReplyTo, string Authorization, JsonElement Body, HttpStatusCode Status)
{
    /// <summary>The Adaptive Card of the activity, if it has one.</summary>
    public JsonElement? Card =>
        Body.TryGetProperty("attachments", out var attachments) && attachments.GetArrayLength() > 0
            ? attachments[0].GetProperty("content")
            : null;

    public string Text => Body.TryGetProperty("text", out var text) ? text.GetString() ?? "" : "";

    /// <summary>Every string in the activity (text, card text, button titles), one per line, unescaped.</summary>
    public string AllText => string.Join('\n', Strings(Body));

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        _ => [],
    };
}
