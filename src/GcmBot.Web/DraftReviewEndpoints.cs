using GcmBot.Core.Data;
using GcmBot.Core.Delivery;
using GcmBot.Core.Drafting;
using GcmBot.Core.Handling;
using GcmBot.Core.Localisation;
using GcmBot.Core.Replies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace GcmBot.Web;

/// <summary>
/// The rapporteur's review page: the saved draft in the reporting template with each point's sources, edited point
/// by point, redrafted and published from the page. Same access as the <c>draft</c> command; an unpublished draft is
/// shown to nobody else. Changes run as the <c>draft point</c>, <c>draft regenerate</c> and <c>draft publish</c>
/// commands of the page's user, so the rules and the answers are the chat's.
/// </summary>
public static class DraftReviewEndpoints
{
    public static WebApplication MapGcmDraftReview(this WebApplication app)
    {
        app.MapGet("/drafts/{session}", PageAsync);
        app.MapGet("/api/drafts/{session}", JsonAsync);
        app.MapGet("/api/drafts/{session}/docx", DocxAsync);
        app.MapPost("/api/drafts/{session}/points/{point}", (string session, string point, PointRequest request, HttpContext http, WebAccess access, CommandService commands, AnnouncementDispatcher announcer, CancellationToken cancellationToken) =>
            RunAsync(session, "draft point", new Dictionary<string, string>
            {
                ["point"] = point,
                ["text"] = request.Text ?? "",
                ["recommendation"] = request.Recommendation ?? "",
                ["means"] = request.Means ?? "",
                ["partnerships"] = request.Partnerships ?? "",
            }, http, access, commands, announcer, cancellationToken));
        app.MapPost("/api/drafts/{session}/regenerate", (string session, HttpContext http, WebAccess access, CommandService commands, AnnouncementDispatcher announcer, CancellationToken cancellationToken) =>
            RunAsync(session, "draft regenerate", [], http, access, commands, announcer, cancellationToken));
        app.MapPost("/api/drafts/{session}/publish", (string session, HttpContext http, WebAccess access, CommandService commands, AnnouncementDispatcher announcer, CancellationToken cancellationToken) =>
            RunAsync(session, "draft publish", [], http, access, commands, announcer, cancellationToken));
        return app;
    }

    /// <summary>A change made on the page, run as its user's command; what the command answers is what the page says.</summary>
    private static async Task<IResult> RunAsync(
        string session,
        string command,
        Dictionary<string, string> fields,
        HttpContext http,
        WebAccess access,
        CommandService commands,
        AnnouncementDispatcher announcer,
        CancellationToken cancellationToken)
    {
        var token = WebAccess.Token(http);
        var found = await access.ReportingSessionAsync(token, session, cancellationToken);
        if (found is null)
        {
            return Error(StatusCodes.Status403Forbidden, "This draft is for the session's rapporteur and moderator (and organisers).");
        }

        fields["session"] = found.Code;
        var conversation = $"drafts:{found.Code}";
        var result = await commands.HandleAsync(new Inbound(WebChannel.Name, conversation, WebIdentities.UserId(token!), "") { CommandName = command, Fields = fields }, cancellationToken);
        if (result is null || result.Reply.IsError)
        {
            return Error(StatusCodes.Status422UnprocessableEntity, result?.Reply.Text ?? Reply.Failed.Text);
        }

        await announcer.DispatchAsync(result.Announcements, (WebChannel.Name, conversation), cancellationToken);
        return Results.Ok(new { Message = result.Reply.Text });
    }

    private static async Task<IResult> PageAsync(string session, HttpContext http, WebAccess access, CancellationToken cancellationToken) =>
        await access.ReportingSessionAsync(WebAccess.Token(http), session, cancellationToken) is not null
            ? DisplayEndpoints.Page("drafts.html")
            : DisplayEndpoints.Message(StatusCodes.Status403Forbidden, "Rapporteurs only", "A session's draft is for its rapporteur and moderator (and organisers) until it is published. Open the web chat with that role, then come back to this page.");

    private static async Task<IResult> JsonAsync(string session, HttpContext http, WebAccess access, IMeetingStore store, CancellationToken cancellationToken)
    {
        var found = await access.ReportingSessionAsync(WebAccess.Token(http), session, cancellationToken);
        if (found is null)
        {
            return Error(StatusCodes.Status403Forbidden, "This draft is for the session's rapporteur and moderator (and organisers).");
        }

        var view = await store.ReadAsync(async (data, ct) =>
        {
            var draft = await data.GetDraftAsync(found.Id, ct);
            if (draft is null)
            {
                return null;
            }

            var sources = await DraftSources.LoadAsync(data, (await data.GetMeetingAsync(ct))!, found.Id, ct);
            var report = ReportJson.Deserialize(draft.Content);
            return new
            {
                found.Code,
                found.Title,
                Published = draft.IsPublished,
                draft.Edited,
                draft.Drafter,
                report.Header,
                Summary = report.Summary.Select(s => new { s.Text, s.Edited, Sources = sources.Describe(s.Sources) }).ToList(),
                Recommendations = report.Recommendations.Select(r => new { r.Recommendation, r.Means, r.Partnerships, r.Edited, Sources = sources.Describe(r.Sources) }).ToList(),
                Observations = report.Observations.Select(s => new { s.Text, s.Edited, Sources = sources.Describe(s.Sources) }).ToList(),
            };
        }, cancellationToken);
        return view is null
            ? Error(StatusCodes.Status404NotFound, $"{found.Code} has no draft yet. `draft {found.Code}` in the chat makes one.")
            : Results.Ok(view);
    }

    private static async Task<IResult> DocxAsync(string session, HttpContext http, WebAccess access, IMeetingStore store, IReportDrafter drafter, CancellationToken cancellationToken)
    {
        var found = await access.ReportingSessionAsync(WebAccess.Token(http), session, cancellationToken);
        if (found is null)
        {
            return Error(StatusCodes.Status403Forbidden, "This draft is for the session's rapporteur and moderator (and organisers).");
        }

        var (draft, meeting) = await store.ReadAsync(async (data, ct) => (await data.GetDraftAsync(found.Id, ct), await data.GetMeetingAsync(ct)), cancellationToken);
        return draft is null
            ? Error(StatusCodes.Status404NotFound, $"{found.Code} has no draft yet.")
            : Results.File(drafter.ToDocx(ReportJson.Deserialize(draft.Content), Texts.For(meeting?.DefaultLanguage).Language), ReportFiles.DocxType, $"draft-{found.Code}.docx");
    }

    private static IResult Error(int status, string message) => Results.Json(new { Error = message }, statusCode: status);

    private sealed record PointRequest(string? Text, string? Recommendation, string? Means, string? Partnerships);
}
