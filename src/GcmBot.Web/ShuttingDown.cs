using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace GcmBot.Web;

/// <summary>
/// Once the host is stopping, refuses new requests with 503 and <c>Connection: close</c>. SignalR closes every hub
/// connection when the host starts stopping and the pages reconnect at once; without this, Kestrel, which still
/// listens until its own turn to stop, accepts the new hub connections and then waits for them until the host's
/// shutdown timeout (30 s) runs out, cancelling the stop of everything after it. Refused, a page retries and
/// reaches the next instance (or this one after its restart). Requests already running finish as before.
/// </summary>
internal sealed class ShuttingDown : IMiddleware
{
    private readonly IHostApplicationLifetime _lifetime;

    public ShuttingDown(IHostApplicationLifetime lifetime)
    {
        _lifetime = lifetime;
    }

    public Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (!_lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "1";
        context.Response.Headers.Connection = "close";
        return Task.CompletedTask;
    }
}
