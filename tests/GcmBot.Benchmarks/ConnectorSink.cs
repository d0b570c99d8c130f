using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GcmBot.Benchmarks;

/// <summary>
/// A stand-in for the Bot Framework connector on loopback (Teams' servers are out of reach): accepts every
/// activity with 201 and notes when the reply to each inbound activity arrived.
/// </summary>
internal sealed class ConnectorSink : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ConnectorSink(WebApplication app, string serviceUrl)
    {
        _app = app;
        ServiceUrl = serviceUrl;
    }

    public string ServiceUrl { get; }

    private readonly ConcurrentDictionary<string, TaskCompletionSource<long>> _replies = new(StringComparer.Ordinal);

    /// <summary>Completes with the <see cref="Stopwatch"/> timestamp at which the reply to an inbound activity arrived.</summary>
    public Task<long> ReplyTo(string activityId) => Reply(activityId).Task;

    private TaskCompletionSource<long> Reply(string activityId) =>
        _replies.GetOrAdd(activityId, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));

    public static async Task<ConnectorSink> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        ConnectorSink? sink = null;
        app.MapPost("/v3/conversations/{conversation}/activities/{replyTo}", async (HttpContext http, string replyTo) =>
        {
            using var _ = await JsonDocument.ParseAsync(http.Request.Body);
            sink!.Reply(replyTo).TrySetResult(Stopwatch.GetTimestamp());
            return Results.Json(new { id = Guid.NewGuid().ToString("N") }, statusCode: StatusCodes.Status201Created);
        });
        app.MapPost("/v3/conversations/{conversation}/activities", () => Results.Json(new { id = Guid.NewGuid().ToString("N") }, statusCode: StatusCodes.Status201Created));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        sink = new ConnectorSink(app, address.TrimEnd('/'));
        return sink;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
