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
/// commands of the page's user, so the rules and the answers are the chat's. The page's labels, the sources and the
/// refusals are in the reader's language (<see cref="DraftReader"/>); the draft itself is in the report language.
/// </summary>
public static class DraftReviewEndpoints
{
    /// <summary>
    /// The keys the page and its script use: its own, the template's headings and labels, the point labels, the
    /// draft's status words and the drafters' names.
    /// </summary>
    private static readonly string[] PageTexts = ["Web.Drafts.", "Staff.Report.", "Staff.Draft.Point.", "Staff.Draft.Status.", "Staff.Draft.Drafter."];

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
        var browser = RequestLanguage.Preferred(http.Request);
        var reader = await access.DraftReaderAsync(token, session, cancellationToken);
        if (reader.Session is not { } found)
        {
            return Error(StatusCodes.Status403Forbidden, reader.TextsFor(browser).Format("Web.Drafts.Forbidden"));
        }

        fields["session"] = found.Code;
        var conversation = $"drafts:{found.Code}";
        // The browser's language, as the web chat's commands carry it: the answer is in the page's language.
        var inbound = new Inbound(WebChannel.Name, conversation, WebIdentities.UserId(token!), "") { CommandName = command, Fields = fields, Locale = browser };
        var result = await commands.HandleAsync(inbound, cancellationToken);
        if (result is null || result.Reply.IsError)
        {
            return Error(StatusCodes.Status422UnprocessableEntity, result?.Reply.Text ?? Reply.FailedIn(reader.TextsFor(browser)).Text);
        }

        await announcer.DispatchAsync(result.Announcements, (WebChannel.Name, conversation), cancellationToken);
        return Results.Ok(new { Message = result.Reply.Text });
    }

    private static async Task<IResult> PageAsync(string session, HttpContext http, WebAccess access, CancellationToken cancellationToken)
    {
        var reader = await access.DraftReaderAsync(WebAccess.Token(http), session, cancellationToken);
        var texts = reader.TextsFor(RequestLanguage.Preferred(http.Request));
        return reader.Session is not null
            ? await LocalisedPage.RenderAsync("drafts.html", texts, PageTexts, cancellationToken)
            : DisplayEndpoints.Message(StatusCodes.Status403Forbidden, texts.Format("Web.Drafts.ForbiddenTitle"), texts.Format("Web.Drafts.ForbiddenPage"), texts);
    }

    private static async Task<IResult> JsonAsync(string session, HttpContext http, WebAccess access, IMeetingStore store, CancellationToken cancellationToken)
    {
        var reader = await access.DraftReaderAsync(WebAccess.Token(http), session, cancellationToken);
        var texts = reader.TextsFor(RequestLanguage.Preferred(http.Request));
        if (reader.Session is not { } found)
        {
            return Error(StatusCodes.Status403Forbidden, texts.Format("Web.Drafts.Forbidden"));
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
                Summary = report.Summary.Select(s => new { s.Text, s.Edited, Sources = sources.Describe(s.Sources, texts) }).ToList(),
                Recommendations = report.Recommendations.Select(r => new { r.Recommendation, r.Means, r.Partnerships, r.Edited, Sources = sources.Describe(r.Sources, texts) }).ToList(),
                Observations = report.Observations.Select(s => new { s.Text, s.Edited, Sources = sources.Describe(s.Sources, texts) }).ToList(),
            };
        }, cancellationToken);
        return view is null
            ? Error(StatusCodes.Status404NotFound, texts.Format("Staff.Web.Drafts.NoDraft", found.Code))
            : Results.Ok(view);
    }

    private static async Task<IResult> DocxAsync(string session, HttpContext http, WebAccess access, IMeetingStore store, IReportDrafter drafter, CancellationToken cancellationToken)
    {
        var reader = await access.DraftReaderAsync(WebAccess.Token(http), session, cancellationToken);
        var texts = reader.TextsFor(RequestLanguage.Preferred(http.Request));
        if (reader.Session is not { } found)
        {
            return Error(StatusCodes.Status403Forbidden, texts.Format("Web.Drafts.Forbidden"));
        }

        // The report's own text is in the report language, the meeting's default, whoever downloads it.
        var draft = await store.ReadAsync((data, ct) => data.GetDraftAsync(found.Id, ct), cancellationToken);
        return draft is null
            ? Error(StatusCodes.Status404NotFound, texts.Format("Staff.Web.Drafts.NoDraft", found.Code))
            : Results.File(drafter.ToDocx(ReportJson.Deserialize(draft.Content), Texts.For(reader.MeetingLanguage).Language), ReportFiles.DocxType, $"draft-{found.Code}.docx");
    }

    private static IResult Error(int status, string message) => Results.Json(new { Error = message }, statusCode: status);

    private sealed record PointRequest(string? Text, string? Recommendation, string? Means, string? Partnerships);
}
