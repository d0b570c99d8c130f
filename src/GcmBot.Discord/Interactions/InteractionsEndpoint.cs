using System.Text.Json;
using GcmBot.Discord.Wire;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GcmBot.Discord.Interactions;

/// <summary>
/// <c>POST /discord/interactions</c>, for deployments that receive interactions by webhook: every request
/// must carry a valid Ed25519 signature from Discord (else 401); the first answer is the HTTP response,
/// later edits and follow-ups go through the webhook REST routes.
/// </summary>
internal static partial class InteractionsEndpoint
{
    public const string Path = "/discord/interactions";
    private const int MaxBody = 1024 * 1024;

    public static async Task<IResult> PostAsync(
        HttpContext http,
        SignatureVerifier verifier,
        InteractionHandler handler,
        IHostApplicationLifetime lifetime,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > MaxBody)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var body = buffer.ToArray();
        if (!verifier.Verify(http.Request.Headers["X-Signature-Timestamp"], body, http.Request.Headers["X-Signature-Ed25519"]))
        {
            return Results.Text("invalid request signature", statusCode: StatusCodes.Status401Unauthorized);
        }

        Interaction? interaction;
        try
        {
            interaction = JsonSerializer.Deserialize<Interaction>(body, DiscordJson.Options);
        }
        catch (JsonException)
        {
            interaction = null;
        }

        if (interaction is null)
        {
            return Results.BadRequest();
        }

        // The handler goes on after the response (deferred answers); it must not die with the request.
        var first = new TaskCompletionSource<InteractionResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        var work = Task.Run(() => handler.HandleAsync(interaction, (response, _) =>
        {
            first.TrySetResult(response);
            return Task.CompletedTask;
        }, lifetime.ApplicationStopping), CancellationToken.None);
        _ = work.ContinueWith(
            t => LogFailed(loggers.CreateLogger(typeof(InteractionsEndpoint).FullName!), t.Exception!),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted,
            TaskScheduler.Default);

        if (await Task.WhenAny(first.Task, work) != first.Task && !first.Task.IsCompleted)
        {
            return Results.StatusCode(StatusCodes.Status500InternalServerError);
        }

        return Results.Json(await first.Task, DiscordJson.Options);
    }

    [LoggerMessage(EventId = 6601, Level = LogLevel.Error, Message = "Discord interaction received over HTTP failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
