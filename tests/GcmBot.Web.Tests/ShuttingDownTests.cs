using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace GcmBot.Web.Tests;

/// <summary>
/// The middleware that refuses new requests once the host is stopping, on its own: stopping a live host in a test
/// races the host's disposal, so the restart test (<see cref="ChatRoomTests"/>) covers it end to end.
/// </summary>
public sealed class ShuttingDownTests
{
    [Fact]
    public async Task Request_HostRunning_PassedOn()
    {
        using var lifetime = new Lifetime();
        var context = new DefaultHttpContext();
        var passedOn = false;

        await new ShuttingDown(lifetime).InvokeAsync(context, _ =>
        {
            passedOn = true;
            return Task.CompletedTask;
        });

        Assert.True(passedOn);
        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.False(context.Response.Headers.ContainsKey("Connection"));
    }

    [Fact]
    public async Task Request_HostStopping_503RetryAfterAndConnectionClosed()
    {
        using var lifetime = new Lifetime();
        lifetime.StopApplication();
        var context = new DefaultHttpContext();
        var passedOn = false;

        await new ShuttingDown(lifetime).InvokeAsync(context, _ =>
        {
            passedOn = true;
            return Task.CompletedTask;
        });

        Assert.False(passedOn);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.Equal("1", context.Response.Headers.RetryAfter.ToString());
        Assert.Equal("close", context.Response.Headers.Connection.ToString());
    }

    private sealed class Lifetime : IHostApplicationLifetime, IDisposable
    {
        private readonly CancellationTokenSource _stopping = new();

        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => _stopping.Token;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() => _stopping.Cancel();

        public void Dispose() => _stopping.Dispose();
    }
}
