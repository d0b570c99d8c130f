using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GcmBot.Summaries.Tests;

/// <summary>
/// A stand-in for an LLM server (none can run here): Kestrel on loopback speaking the published OpenAI
/// chat-completions protocol (<c>POST /v1/chat/completions</c>), answering with scripted replies in
/// order and recording every request body.
/// </summary>
internal sealed class OpenAiTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _script = new();
    private readonly Channel<JsonNode> _arrivals = Channel.CreateUnbounded<JsonNode>();

    private OpenAiTestServer(WebApplication app)
    {
        _app = app;
    }

    public List<JsonNode> Requests { get; } = [];

    public string Endpoint { get; private set; } = "";

    public static async Task<OpenAiTestServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new OpenAiTestServer(app);
        app.MapPost("/v1/chat/completions", server.HandleAsync);
        await app.StartAsync();
        server.Endpoint = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/v1";
        return server;
    }

    /// <summary>Answers the next request with this content as the assistant's message.</summary>
    public void Reply(string content) => _script.Enqueue(context => context.Response.WriteAsJsonAsync(Completion(content)));

    /// <summary>Answers the next request with a report object.</summary>
    public void Reply(object report) => Reply(JsonSerializer.Serialize(report));

    /// <summary>Never answers the next request: it waits until the client gives up.</summary>
    public void Hang() => _script.Enqueue(context => Task.Delay(Timeout.Infinite, context.RequestAborted));

    /// <summary>The next request as it arrives.</summary>
    public async Task<JsonNode> NextArrivalAsync() =>
        await _arrivals.Reader.ReadAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);

    private async Task HandleAsync(HttpContext context)
    {
        var body = (await JsonNode.ParseAsync(context.Request.Body))!;
        lock (Requests)
        {
            Requests.Add(body);
        }

        await _arrivals.Writer.WriteAsync(body);
        if (!_script.TryDequeue(out var answer))
        {
            context.Response.StatusCode = 500;
            return;
        }

        try
        {
            await answer(context);
        }
        catch (OperationCanceledException)
        {
            // The client gave up (the drafter's timeout): the point of Hang().
        }
    }

    private static object Completion(string content) => new
    {
        id = "chatcmpl-test",
        @object = "chat.completion",
        created = 1512490000,
        model = "test-model",
        choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
        usage = new { prompt_tokens = 10, completion_tokens = 10, total_tokens = 20 },
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
