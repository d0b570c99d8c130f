using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace GcmBot.Web;

/// <summary>
/// The headers every response carries. The pages load scripts and styles from this host only and have no inline
/// script, so the policy allows nothing else; only the room display may be framed, by the sources in its setting.
/// </summary>
internal sealed class SecurityHeaders : IMiddleware
{
    private const string Policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

    private readonly string _displayFrameAncestors;

    public SecurityHeaders(IOptions<DisplayOptions> options)
    {
        _displayFrameAncestors = options.Value.FrameAncestors;
    }

    public Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var headers = context.Response.Headers;
        var path = context.Request.Path;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";

        // Hangfire's dashboard (organisers only) is Hangfire's own page with inline script: it gets no policy it would fail.
        if (!path.StartsWithSegments("/hangfire", StringComparison.OrdinalIgnoreCase))
        {
            var isDisplay = path.StartsWithSegments("/rooms", StringComparison.OrdinalIgnoreCase) && path.Value!.EndsWith("/display", StringComparison.OrdinalIgnoreCase);
            headers.ContentSecurityPolicy = $"{Policy}; frame-ancestors {(isDisplay ? _displayFrameAncestors : "'none'")}";
            if (!isDisplay)
            {
                headers.XFrameOptions = "DENY";
            }
        }

        return next(context);
    }
}
