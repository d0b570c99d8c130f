using System.Security.Claims;
using System.Text.Json;
using GcmBot.Teams.Auth;
using GcmBot.Teams.Receiving;
using GcmBot.Teams.Outbound;
using GcmBot.Teams.Wire;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GcmBot.Teams;

public static partial class TeamsEndpoints
{
    public const string MessagesPath = "/api/messages";
    public const string FilesPath = "api/teams/files";

    /// <summary>Bot Framework activities are small; anything much larger is not one.</summary>
    private const long MaxBody = 512 * 1024;

    /// <summary>
    /// The Bot Framework messaging endpoint and the download links of exported files. Always mapped:
    /// without <c>Teams:AppId</c> it accepts requests without a token (local development), with a warning.
    /// </summary>
    public static WebApplication MapGcmTeams(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<TeamsOptions>>().Value.AppId.Length == 0)
        {
            LogAnonymous(app.Logger);
        }

        app.MapPost(MessagesPath, PostActivityAsync);
        app.MapGet($"/{FilesPath}/{{id}}/{{name}}", GetFile);
        return app;
    }

    private static async Task<IResult> PostActivityAsync(HttpContext http, InboundQueue queue, IOptions<TeamsOptions> options, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(TeamsEndpoints));
        ClaimsPrincipal? caller = null;
        if (options.Value.AppId.Length > 0)
        {
            var authenticated = await http.AuthenticateAsync(BotFrameworkAuthentication.Scheme);
            if (!authenticated.Succeeded)
            {
                LogRejected(logger, authenticated.Failure?.Message ?? "no bearer token");
                return Results.Unauthorized();
            }

            caller = authenticated.Principal;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBody;
        }

        Activity? activity;
        try
        {
            activity = await http.Request.ReadFromJsonAsync<Activity>(TeamsJson.Options, http.RequestAborted);
        }
        catch (Exception failure) when (failure is JsonException or BadHttpRequestException or InvalidOperationException)
        {
            return Results.Problem("The body is not a Bot Framework activity.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (activity is not { Type.Length: > 0, ServiceUrl.Length: > 0, Conversation.Id.Length: > 0 }
            || !Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl) || serviceUrl.Scheme is not ("https" or "http"))
        {
            return Results.Problem("An activity needs a type, a serviceUrl and a conversation.", statusCode: StatusCodes.Status400BadRequest);
        }

        // The token is only good for the connector it names: a token for another serviceUrl is refused.
        if (caller is not null && !string.Equals(caller.FindFirst(BotFrameworkAuthentication.ServiceUrlClaim)?.Value, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            LogRejected(logger, "serviceurl claim does not match the activity's serviceUrl");
            return Results.Unauthorized();
        }

        if (activity.Type is "message" or "invoke" && activity.From?.Id is not { Length: > 0 })
        {
            return Results.Problem("A message needs a sender.", statusCode: StatusCodes.Status400BadRequest);
        }

        var host = new Uri($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/");
        if (!queue.TryEnqueue(new QueuedActivity(activity, host)))
        {
            return Results.Problem("Busy; please retry.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        // An invoke expects its answer in the HTTP response; the card's effect follows as a message.
        return string.Equals(activity.Type, "invoke", StringComparison.OrdinalIgnoreCase)
            ? Results.Json(InvokeResponse.Message("Received."), TeamsJson.Options)
            : Results.Accepted();
    }

    private static IResult GetFile(string id, TeamsFiles files) =>
        files.Find(id) is { } file
            ? Results.File(file.Content, file.ContentType, file.FileName)
            : Results.Problem("This download link has expired. Ask for the export again.", statusCode: StatusCodes.Status404NotFound);

    [LoggerMessage(EventId = 7401, Level = LogLevel.Warning, Message = "Teams:AppId is empty: /api/messages accepts activities without a Bot Framework token. Fine for the Agents Playground on this machine; set Teams:AppId and Teams:AppPassword for a real Teams deployment.")]
    private static partial void LogAnonymous(ILogger logger);

    [LoggerMessage(EventId = 7402, Level = LogLevel.Warning, Message = "Teams activity refused with 401: {Reason}")]
    private static partial void LogRejected(ILogger logger, string reason);
}
