using GcmBot.Core.Data;
using GcmBot.Core.Domain;
using GcmBot.Core.Drafting;
using Microsoft.AspNetCore.Http;

namespace GcmBot.Web;

/// <summary>
/// Who is behind a web request: the web chat's token, sent as the <c>X-GcmBot-User</c> header by scripts or as
/// the <c>gcmbot_user</c> cookie the chat page sets for the organisers' pages. Only the token's hash is looked up.
/// </summary>
internal sealed class WebAccess
{
    public const string Cookie = "gcmbot_user";

    private readonly IMeetingStore _store;

    public WebAccess(IMeetingStore store)
    {
        _store = store;
    }

    public static string? Token(HttpContext http)
    {
        var header = http.Request.Headers[WebChatEndpoints.UserHeader].ToString();
        return header.Length > 0 ? header : http.Request.Cookies[Cookie] is { Length: > 0 } cookie ? cookie : null;
    }

    public Task<bool> IsOrganiserAsync(string? token, CancellationToken cancellationToken) =>
        CheckAsync(token, async (participant, _, _) => await Task.FromResult(participant.Has(Roles.Organiser)), cancellationToken);

    /// <summary>A moderator, rapporteur or organiser: by role, or assigned to any session (as the <c>stats</c> command).</summary>
    public Task<bool> IsOfficialAsync(string? token, CancellationToken cancellationToken) =>
        CheckAsync(
            token,
            async (participant, data, ct) => (participant.Roles & (Roles.Moderator | Roles.Rapporteur | Roles.Organiser)) != 0
                || (await data.GetAssignmentsAsync(participant.Id, ct)).Count > 0,
            cancellationToken);

    /// <summary>
    /// The session named by <paramref name="code"/> when the token's holder may review its draft (as the <c>draft</c>
    /// command), with the holder's and the meeting's languages, known or not.
    /// </summary>
    public async Task<DraftReader> DraftReaderAsync(string? token, string code, CancellationToken cancellationToken)
    {
        var valid = !string.IsNullOrEmpty(token) && token.Length <= 200;
        return await _store.ReadAsync(
            async (data, ct) =>
            {
                var meeting = await data.GetMeetingAsync(ct);
                var participant = valid ? await data.FindParticipantAsync(WebChannel.Name, WebIdentities.UserId(token!), ct) : null;
                var found = meeting is null || participant is null
                    ? null
                    : (await data.GetSessionsAsync(meeting.Id, ct)).FirstOrDefault(s => string.Equals(s.Code, code, StringComparison.OrdinalIgnoreCase));
                var allowed = found is not null && ReportingAccess.Allows(participant!, await data.GetAssignmentsAsync(participant!.Id, ct), found.Id);
                return new DraftReader(allowed ? found : null, participant?.Language, meeting?.DefaultLanguage);
            },
            cancellationToken);
    }

    private async Task<bool> CheckAsync(string? token, Func<Participant, IMeetingData, CancellationToken, Task<bool>> check, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 200)
        {
            return false;
        }

        var userId = WebIdentities.UserId(token);
        return await _store.ReadAsync(
            async (data, ct) => await data.FindParticipantAsync(WebChannel.Name, userId, ct) is { } participant && await check(participant, data, ct),
            cancellationToken);
    }
}
