using GcmBot.Core.Data;
using GcmBot.Core.Drafting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace GcmBot.Web;

/// <summary>
/// The rapporteur's review page: the saved draft in the reporting template with each point's sources.
/// Same access as the <c>draft</c> command; an unpublished draft is shown to nobody else.
/// </summary>
public static class DraftReviewEndpoints
{
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static WebApplication MapGcmDraftReview(this WebApplication app)
    {
        app.MapGet("/drafts/{session}", PageAsync);
        app.MapGet("/api/drafts/{session}", JsonAsync);
        app.MapGet("/api/drafts/{session}/docx", DocxAsync);
        return app;
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
                Summary = report.Summary.Select(s => new { s.Text, Sources = sources.Describe(s.Sources) }).ToList(),
                Recommendations = report.Recommendations.Select(r => new { r.Recommendation, r.Means, r.Partnerships, Sources = sources.Describe(r.Sources) }).ToList(),
                Observations = report.Observations.Select(s => new { s.Text, Sources = sources.Describe(s.Sources) }).ToList(),
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

        var draft = await store.ReadAsync((data, ct) => data.GetDraftAsync(found.Id, ct), cancellationToken);
        return draft is null
            ? Error(StatusCodes.Status404NotFound, $"{found.Code} has no draft yet.")
            : Results.File(drafter.ToDocx(ReportJson.Deserialize(draft.Content)), DocxType, $"draft-{found.Code}.docx");
    }

    private static IResult Error(int status, string message) => Results.Json(new { Error = message }, statusCode: status);
}
