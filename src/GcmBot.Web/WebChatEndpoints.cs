using System.Text.Json.Nodes;
using GcmBot.Core.Capture;
using GcmBot.Core.Commands;
using GcmBot.Core.Data;
using GcmBot.Core.Delivery;
using GcmBot.Core.Domain;
using GcmBot.Core.Handling;
using GcmBot.Core.Invitations;
using GcmBot.Core.Localisation;
using GcmBot.Core.Replies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GcmBot.Web;

public static partial class WebChatEndpoints
{
    public const string UserHeader = "X-GcmBot-User";

    /// <summary>The chat page, its HTTP API and the SignalR hub.</summary>
    public static WebApplication MapGcmWebChat(this WebApplication endpoints)
    {
        if (endpoints.Services.GetRequiredService<IOptions<WebChatOptions>>().Value.IdentityPicker && !endpoints.Environment.IsDevelopment())
        {
            LogIdentityPickerOn(endpoints.Logger);
        }

        endpoints.UseMiddleware<ShuttingDown>();
        endpoints.UseMiddleware<SecurityHeaders>();
        endpoints.UseMiddleware<RequestCharset>();
        var files = new EmbeddedFileProvider(typeof(WebChatEndpoints).Assembly, "wwwroot");
        endpoints.UseStaticFiles(new StaticFileOptions { FileProvider = files });

        // The page's template is never served as a file: a matched endpoint takes the request from the static files.
        foreach (var path in new[] { "/", "/index.html" })
        {
            endpoints.MapGet(path, (HttpContext http, IMeetingStore store, ILoggerFactory loggers, CancellationToken cancellationToken) => ChatPageAsync(http, store, loggers, "", cancellationToken));
        }
        // The chat page itself, one level down: its relative links resolve from the site's root.
        endpoints.MapGet("/join/{token}", (HttpContext http, IMeetingStore store, ILoggerFactory loggers, CancellationToken cancellationToken) => ChatPageAsync(http, store, loggers, "\n  <base href=\"../\">", cancellationToken));
        endpoints.MapHub<ChatHub>("/hubs/chat");
        var api = endpoints.MapGroup("/api/web");
        api.MapGet("/meeting", GetMeetingAsync);
        api.MapPost("/identity", PostIdentityAsync);
        api.MapPost("/join", PostJoinAsync);
        api.MapPost("/commands", PostCommandAsync);
        api.MapGet("/history", GetHistoryAsync);
        api.MapGet("/queue", GetQueueAsync);
        return endpoints;
    }

    private static async Task<IResult> GetMeetingAsync(HttpContext http, IMeetingStore store, IOptions<WebChatOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var userId = UserIdOf(http);
        var view = await store.ReadAsync(async (data, ct) =>
        {
            var meeting = await data.GetMeetingAsync(ct);
            if (meeting is null)
            {
                return null;
            }

            var sessions = await data.GetSessionsAsync(meeting.Id, ct);
            var delegations = await data.GetDelegationsAsync(meeting.Id, ct);
            var participant = userId is null ? null : await data.FindParticipantAsync(WebChannel.Name, userId, ct);
            var texts = Texts.For(participant?.Language, PreferredLanguage(http.Request), meeting.DefaultLanguage);
            return new
            {
                meeting.Title,
                meeting.Venue,
                TimeZone = meeting.TimeZoneId,
                Rooms = sessions.Where(s => s.Kind != SessionKind.Break).Select(s => s.Room).Distinct().ToList(),
                // Where a newcomer who has not chosen a room lands: a room with a session under way.
                RoomsNow = sessions.Where(s => s.Kind != SessionKind.Break && s.StartsAt <= now && now < s.EndsAt).Select(s => s.Room).Distinct().ToList(),
                HomeRoom = participant is null ? null : await HomeRoomAsync(data, participant, sessions, now, ct),
                Delegations = delegations.Select(d => new { d.Name, Category = CategoryNames.Token(d.Category) }).ToList(),
                options.Value.IdentityPicker,
                // The page's language picker: the six by their own names, and the one this person's replies are in.
                Languages = Language.All.Select(l => new { l.Code, l.NativeName, l.RightToLeft }).ToList(),
                Language = texts.Language.Code,
                // The page's own labels in that language, for when it differs from the one the page was written in.
                Texts = LocalisedPage.ScriptTexts(texts, ChatTexts),
            };
        }, cancellationToken);
        return view is null ? Results.Problem("No meeting is loaded.", statusCode: StatusCodes.Status503ServiceUnavailable) : Results.Ok(view);
    }

    /// <summary>
    /// Where a person who has not chosen a room belongs now: the session they moderate or report on (running, else
    /// their next one), else a running session their delegation has asked for the floor or spoken in.
    /// </summary>
    private static async Task<string?> HomeRoomAsync(IMeetingData data, Participant participant, IReadOnlyList<Session> sessions, DateTimeOffset now, CancellationToken ct)
    {
        var running = sessions.Where(s => s.Kind != SessionKind.Break && (s.IsOpen || (s.StartsAt <= now && now < s.EndsAt))).ToList();
        var assigned = (await data.GetAssignmentsAsync(participant.Id, ct)).Select(a => a.SessionId).ToHashSet();
        var mine = running.FirstOrDefault(s => assigned.Contains(s.Id))
            ?? sessions.Where(s => assigned.Contains(s.Id) && s.EndsAt > now).MinBy(s => s.StartsAt);
        if (mine is not null || participant.DelegationId is not { } delegation)
        {
            return mine?.Room;
        }

        foreach (var session in running)
        {
            if ((await data.GetWaitingAsync(session.Id, ct)).Any(e => e.DelegationId == delegation) || await data.HasSpokenAsync(session.Id, delegation, ct))
            {
                return session.Room;
            }
        }

        return null;
    }

    private static async Task<IResult> PostIdentityAsync(
        IdentityRequest request,
        HttpContext http,
        CommandService commands,
        WebIdentities identities,
        IOptions<WebChatOptions> options,
        CancellationToken cancellationToken)
    {
        if (!options.Value.IdentityPicker)
        {
            return Error(StatusCodes.Status403Forbidden, "The organisers have switched off choosing your own identity here. Please ask the secretariat for access.");
        }

        var name = request.DisplayName?.Trim() ?? "";
        if (name.Length is 0 or > 80)
        {
            return Error(StatusCodes.Status400BadRequest, "Please give your name (at most 80 characters).");
        }

        if (!Enum.TryParse<Roles>(request.Role, ignoreCase: true, out var role) || role is Roles.None || !Enum.IsDefined(role))
        {
            return Error(StatusCodes.Status400BadRequest, "Pick a role: delegate, moderator, rapporteur or organiser.");
        }

        // The participant and its registration are one command, one transaction: a refusal stores nothing.
        var token = TokenHash.NewToken();
        var userId = WebIdentities.UserId(token);
        var wantsDelegation = !string.IsNullOrWhiteSpace(request.Delegation);
        var enrolment = await commands.HandleAsync(
            new Inbound(WebChannel.Name, "identity", userId, name)
            {
                CommandName = wantsDelegation ? "register" : "whoami",
                Fields = wantsDelegation ? new Dictionary<string, string> { ["delegation"] = request.Delegation! } : null,
                NewParticipantRoles = role,
                ApprovedRegistration = true,
                Locale = PreferredLanguage(http.Request),
            },
            cancellationToken);
        if (enrolment!.Reply.IsError)
        {
            return Error(StatusCodes.Status400BadRequest, enrolment.Reply.Text);
        }

        var delegation = enrolment.Author?.Delegation;
        identities.Remember(userId, new Author(name, delegation));
        return Results.Ok(new { UserId = token, DisplayName = name, Delegation = delegation, Roles = new[] { role.ToString().ToLowerInvariant() } });
    }

    /// <summary>
    /// The chat page in the browser's language (or the meeting's): the page cannot know who is asking, so the
    /// person's own stored choice comes with the meeting, and the page relabels itself.
    /// </summary>
    private static async Task<IResult> ChatPageAsync(HttpContext http, IMeetingStore store, ILoggerFactory loggers, string head, CancellationToken cancellationToken)
    {
        string? meetingLanguage = null;
        try
        {
            meetingLanguage = (await store.ReadAsync((data, ct) => data.GetMeetingAsync(ct), cancellationToken))?.DefaultLanguage;
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // The page still loads, in the browser's language, and tells the person itself that the meeting cannot be reached.
            LogChatPageStorageFailed(loggers.CreateLogger(typeof(WebChatEndpoints)), failure);
        }

        var html = await LocalisedPage.ReadAsync("index.html", Texts.For(null, PreferredLanguage(http.Request), meetingLanguage), ChatTexts, cancellationToken);
        return Results.Content(html.Replace("<head>", "<head>" + head, StringComparison.Ordinal), "text/html; charset=utf-8");
    }

    /// <summary>Opens an invitation: the person gives a name and gets an identity token with the invitation's delegation and role.</summary>
    private static async Task<IResult> PostJoinAsync(JoinRequest request, InvitationService invitations, WebIdentities identities, CancellationToken cancellationToken)
    {
        var name = request.DisplayName?.Trim() ?? "";
        if (name.Length is 0 or > 80)
        {
            return Error(StatusCodes.Status400BadRequest, "Please give your name (at most 80 characters).");
        }

        if (string.IsNullOrWhiteSpace(request.Token) || request.Token.Length > 100)
        {
            return Error(StatusCodes.Status400BadRequest, "This sign-in link is not valid. Please check that you copied all of it, or ask whoever invited you for a new one.");
        }

        var token = TokenHash.NewToken();
        var userId = WebIdentities.UserId(token);
        var joined = await invitations.RedeemAsync(request.Token.Trim(), WebChannel.Name, userId, name, cancellationToken);
        if (joined.Error is { } refusal)
        {
            return Error(StatusCodes.Status403Forbidden, refusal);
        }

        identities.Remember(userId, new Author(name, joined.Delegation));
        var roles = Enum.GetValues<Roles>().Where(r => r != Roles.None && (joined.Role & r) == r).Select(r => r.ToString().ToLowerInvariant());
        return Results.Ok(new { UserId = token, DisplayName = name, joined.Delegation, Roles = roles.ToArray() });
    }

    /// <summary>
    /// What a page shows when it opens, reloads or scrolls up: the room's latest public messages and the person's own
    /// private ones, oldest first, <see cref="WebChannel.HistoryPage"/> at a time; <c>before</c> pages further back.
    /// </summary>
    private static async Task<IResult> GetHistoryAsync(HttpContext http, string? conversation, long? before, WebIdentities identities, IMeetingStore store, CancellationToken cancellationToken)
    {
        var userId = await SignedInAsync(http, identities, cancellationToken);
        if (userId is null)
        {
            return Error(StatusCodes.Status401Unauthorized, "Please sign in to see the room's messages.");
        }

        if (conversation is not { Length: > 0 and <= 300 })
        {
            return Error(StatusCodes.Status400BadRequest, "Pick a room first.");
        }

        var entries = await store.ReadAsync((data, ct) => data.GetChatLogAsync(WebChannel.Name, conversation, userId, before, WebChannel.HistoryPage + 1, ct), cancellationToken);
        var more = entries.Count > WebChannel.HistoryPage;
        var page = more ? entries.Skip(1).ToList() : entries;
        return Results.Ok(new
        {
            Messages = page.Select(e => JsonNode.Parse(e.Payload)).ToList(),
            Before = more ? page[0].Id : (long?)null,
        });
    }

    /// <summary>
    /// The side panel's and the chair's console's view of the speakers list: the <c>queue all</c> command's answer
    /// (the viewer's place, and for the session's moderators the estimate), neither shown in the chat nor kept.
    /// </summary>
    private static async Task<IResult> GetQueueAsync(HttpContext http, string? conversation, CommandService commands, WebIdentities identities, TimeProvider time, CancellationToken cancellationToken)
    {
        var userId = await SignedInAsync(http, identities, cancellationToken);
        if (userId is null)
        {
            return Error(StatusCodes.Status401Unauthorized, "Please sign in first.");
        }

        if (conversation is not { Length: > 0 and <= 300 })
        {
            return Error(StatusCodes.Status400BadRequest, "Pick a room first.");
        }

        var result = await commands.HandleAsync(new Inbound(WebChannel.Name, conversation, userId, "") { Text = "queue all", Locale = PreferredLanguage(http.Request) }, cancellationToken);
        return Results.Ok(WebMessage.FromReply(conversation, time.GetUtcNow(), result!.Reply));
    }

    /// <summary>The stored id behind the request's identity token (whether or not anyone holds it), or null without one.</summary>
    private static string? UserIdOf(HttpContext http) =>
        http.Request.Headers[UserHeader].ToString() is { Length: > 0 and <= 200 } token ? WebIdentities.UserId(token) : null;

    /// <summary>The stored id of whoever sent the request's identity token, or null when nobody holds it.</summary>
    private static async Task<string?> SignedInAsync(HttpContext http, WebIdentities identities, CancellationToken cancellationToken) =>
        UserIdOf(http) is { } userId && await identities.FindAsync(userId, cancellationToken) is not null ? userId : null;

    private static async Task<IResult> PostCommandAsync(
        CommandRequest request,
        HttpContext http,
        CommandService commands,
        ContributionService contributions,
        AnnouncementDispatcher announcer,
        WebIdentities identities,
        WebDelivery delivery,
        TimeProvider time,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var userId = UserIdOf(http);
        var author = userId is null ? null : await identities.FindAsync(userId, cancellationToken);
        if (userId is null || author is null)
        {
            return Error(StatusCodes.Status401Unauthorized, "Please pick who you are first (your name, delegation and role).");
        }

        var conversation = request.Conversation?.Trim() ?? "";
        var text = request.Text?.Trim() ?? "";
        if (conversation.Length is 0 or > 300)
        {
            return Error(StatusCodes.Status400BadRequest, "Pick a room first.");
        }

        if (text.Length > WebChannel.MaxTextLength)
        {
            return Error(StatusCodes.Status400BadRequest, $"That message has {text.Length} characters; the limit is {WebChannel.MaxTextLength}. Nothing was sent.");
        }

        var isCommand = request.Command is not null || text.StartsWith('/');
        if (!isCommand)
        {
            if (text.Length == 0)
            {
                return Error(StatusCodes.Status400BadRequest, "Type a message or a command such as `/help`.");
            }

            var said = WebMessage.FromUser(conversation, time.GetUtcNow(), author, text);
            CaptureResult captured;
            try
            {
                captured = await contributions.CaptureAsync(WebChannel.Name, conversation, said.Id.ToString(), userId, author.Name, text, cancellationToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                // Not captured, so not shown either: the same polite answer as a command, not a 500.
                LogMessageFailed(loggers.CreateLogger(typeof(WebChatEndpoints)), failure);
                return Error(StatusCodes.Status503ServiceUnavailable, Reply.Failed.Text);
            }

            await delivery.PushAsync(said, cancellationToken);
            if (captured.NotRecorded is not { } why)
            {
                return Results.Ok(new { Messages = new[] { said } });
            }

            // Why it was not recorded concerns the author only: their pages and history, never the room.
            var notRecorded = WebMessage.FromReply(conversation, time.GetUtcNow(), Reply.Private(why));
            await delivery.PushPrivateAsync(userId, notRecorded, cancellationToken);
            return Results.Ok(new { Messages = new[] { said, notRecorded } });
        }

        var inbound = new Inbound(WebChannel.Name, conversation, userId, "")
        {
            Text = request.Command is null ? text : null,
            CommandName = request.Command,
            Fields = request.Fields,
            Locale = PreferredLanguage(http.Request),
        };
        var result = (await commands.HandleAsync(inbound, cancellationToken))!;
        if (result.Author is { } updated)
        {
            identities.Remember(userId, updated);
        }

        var typed = WebMessage.FromUser(conversation, time.GetUtcNow(), result.Author ?? author, request.Command is null ? text : $"/{request.Command} (form)");
        var reply = WebMessage.FromReply(conversation, time.GetUtcNow(), result.Reply);
        if (result.Reply.Visibility == Visibility.Conversation)
        {
            // The room sees what changed; the chair's buttons stay with whoever may press them (the answer below).
            await delivery.PushAsync(typed, cancellationToken);
            await delivery.PushAsync(reply with { Actions = [.. reply.Actions.Where(a => ForAnyone(a.Command))] }, cancellationToken);
        }
        else
        {
            // What concerns the asker only: their pages, and their history, never the room's.
            await delivery.PushPrivateAsync(userId, typed with { Visibility = "private" }, cancellationToken);
            await delivery.PushPrivateAsync(userId, reply, cancellationToken);
        }

        await announcer.DispatchAsync(result.Announcements, (WebChannel.Name, conversation), cancellationToken);
        return Results.Ok(new { Messages = new[] { typed, reply } });
    }

    /// <summary>A button anyone in the room may press (join the list, submit a card), as the command catalogue says.</summary>
    private static bool ForAnyone(string command) =>
        CommandParser.Parse(command).Command?.Definition.Access is Access.Anyone or Access.Delegation;

    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "WebChat:IdentityPicker is on: anyone reaching the web chat can claim any delegation and role, organiser included. Switch it off for a real meeting.")]
    private static partial void LogIdentityPickerOn(ILogger logger);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Error, Message = "A web chat message could not be stored")]
    private static partial void LogMessageFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Warning, Message = "The chat page was served without the meeting's default language: the database could not be read")]
    private static partial void LogChatPageStorageFailed(ILogger logger, Exception exception);

    /// <summary>
    /// The keys of the chat page's own labels (and, under <c>Staff.</c>, the chair's console's), and the queue's
    /// and its advice's, whose facts the side panel picks by their labels.
    /// </summary>
    private static readonly string[] ChatTexts = ["Web.", "Queue.", "Advice"];

    private static IResult Error(int status, string message) => Results.Json(new { Error = message }, statusCode: status);

    private sealed record IdentityRequest(string? DisplayName, string? Delegation, string? Role);

    private sealed record JoinRequest(string? Token, string? DisplayName);

    /// <summary>The browser's most preferred of the six languages (<c>Accept-Language</c>, by quality), as the tag it sent.</summary>
    private static string? PreferredLanguage(HttpRequest request) =>
        request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1).Select(l => l.Value.Value)
            .FirstOrDefault(tag => Language.FromTag(tag) is not null);

    private sealed record CommandRequest(string? Conversation, string? Text, string? Command, Dictionary<string, string>? Fields);
}
