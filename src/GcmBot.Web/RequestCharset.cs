using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace GcmBot.Web;

/// <summary>
/// Refuses a body whose Content-Type names a charset nobody can decode (<c>charset=nonsense</c>, <c>charset=</c>)
/// with 415 and a message, before a JSON reader fails on it with a 500.
/// </summary>
internal sealed class RequestCharset : IMiddleware
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var contentType = context.Request.ContentType;
        if (contentType is null || (MediaTypeHeaderValue.TryParse(contentType, out var parsed) && IsKnown(parsed)))
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
        var texts = await RequestLanguage.TextsAsync(context, context.RequestAborted);
        await context.Response.WriteAsJsonAsync(new { Error = texts.Format("Web.Error.Charset") }, context.RequestAborted);
    }

    // Encoding is null for a charset that is empty or unknown to .NET.
    private static bool IsKnown(MediaTypeHeaderValue contentType) =>
        contentType.Parameters.All(p => !p.Name.Equals("charset", StringComparison.OrdinalIgnoreCase)) || contentType.Encoding is not null;
}
