using System.Net;
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
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Hosting;
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
    /// without <c>Teams:AppId</c> it accepts requests without a token only in Development and from a loopback
    /// connector, and says so at start; elsewhere it answers 401 and says why at start.
    /// </summary>
    public static WebApplication MapGcmTeams(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<TeamsOptions>>().Value;
        var anonymous = options.AppId.Length == 0;
        if (anonymous && app.Environment.IsDevelopment())
        {
            LogAnonymous(app.Logger);
        }
        else if (anonymous)
        {
            LogAnonymousRefused(app.Logger, app.Environment.EnvironmentName);
        }

        // Links in replies use the scheme and host the client saw: behind a TLS proxy, from its
        // X-Forwarded-* headers, trusted only from the proxies configured (a proxy on this machine by default).
        var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost };
        if (options.KnownProxies.Count > 0)
        {
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
        }

        foreach (var proxy in options.KnownProxies)
        {
            forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        app.UseWhen(http => http.Request.Path.StartsWithSegments(MessagesPath, StringComparison.OrdinalIgnoreCase), branch => branch.UseForwardedHeaders(forwarded));
        app.MapPost(MessagesPath, PostActivityAsync);
        app.MapGet($"/{FilesPath}/{{id}}/{{name}}", GetFile);
        return app;
    }

    private static async Task<IResult> PostActivityAsync(HttpContext http, InboundQueue queue, ServiceUrlTrust trust, IOptions<TeamsOptions> options, IHostEnvironment environment, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(TeamsEndpoints));
        ClaimsPrincipal? caller = null;
        if (trust.Anonymous && !environment.IsDevelopment())
        {
            LogRejected(logger, "Teams:AppId is not set and anonymous activities are accepted only in Development");
            return Results.Unauthorized();
        }

        if (!trust.Anonymous)
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

        // Without a token nobody vouches for the sender or the connector: only a connector on this machine.
        if (caller is null && !serviceUrl.IsLoopback)
        {
            LogRejected(logger, "anonymous activities must name a loopback serviceUrl");
            return Results.Unauthorized();
        }

        if (caller is not null && !BotFrameworkAuthentication.IsEndorsed(caller, activity.ChannelId))
        {
            LogRejected(logger, "the signing key is not endorsed for the activity's channelId");
            return Results.Unauthorized();
        }

        if (activity.Type is "message" or "invoke" && activity.From?.Id is not { Length: > 0 })
        {
            return Results.Problem("A message needs a sender.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (caller is not null)
        {
            trust.Vouch(activity.ServiceUrl);
        }

        var host = options.Value.PublicBase ?? new Uri($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/");
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

    [LoggerMessage(EventId = 7401, Level = LogLevel.Warning, Message = "Teams:AppId is empty: in Development /api/messages accepts activities without a Bot Framework token, only from a connector on this machine (loopback serviceUrl). Fine for the Agents Playground; set Teams:AppId and Teams:AppPassword for a real Teams deployment.")]
    private static partial void LogAnonymous(ILogger logger);

    [LoggerMessage(EventId = 7403, Level = LogLevel.Warning, Message = "Teams:AppId is empty and the environment is {Environment}, not Development: /api/messages answers 401 to every activity. Set Teams:AppId and Teams:AppPassword to serve Teams.")]
    private static partial void LogAnonymousRefused(ILogger logger, string environment);

    [LoggerMessage(EventId = 7402, Level = LogLevel.Warning, Message = "Teams activity refused with 401: {Reason}")]
    private static partial void LogRejected(ILogger logger, string reason);
}
