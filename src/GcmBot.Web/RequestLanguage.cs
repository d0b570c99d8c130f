using GcmBot.Core.Data;
using GcmBot.Core.Localisation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace GcmBot.Web;

/// <summary>
/// The language a web request is answered in, as the chat page decides it: the person's stored choice, else the
/// browser's (<c>Accept-Language</c>), else the meeting's default.
/// </summary>
internal static class RequestLanguage
{
    /// <summary>The browser's most preferred of the six languages (<c>Accept-Language</c>, by quality), as the tag it sent.</summary>
    public static string? Preferred(HttpRequest request) =>
        request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1).Select(l => l.Value.Value)
            .FirstOrDefault(tag => Language.FromTag(tag) is not null);

    /// <summary>The texts for whoever sent the request's identity token (the chat page's header or the pages' cookie), if anyone.</summary>
    public static async Task<Texts> TextsAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var userId = WebAccess.Token(http) is { Length: <= 200 } token ? WebIdentities.UserId(token) : null;
        var store = http.RequestServices.GetRequiredService<IMeetingStore>();
        try
        {
            var (own, meeting) = await store.ReadAsync(
                async (data, ct) => (
                    userId is null ? null : (await data.FindParticipantAsync(WebChannel.Name, userId, ct))?.Language,
                    (await data.GetMeetingAsync(ct))?.DefaultLanguage),
                cancellationToken);
            return Texts.For(own, Preferred(http.Request), meeting);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // Only an answer's language depends on this read (the failure itself is the caller's to report):
            // when storage is down the person is still told, in the browser's language.
            return Texts.For(Preferred(http.Request));
        }
    }
}
