using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GcmBot.Host.Tests;

/// <summary>A stopping host takes no new work: pages that SignalR just disconnected must not reconnect to it.</summary>
public sealed class ShutdownTests
{
    [Fact]
    public async Task Request_HostStopping_Refused503WithConnectionCloseWhileItServedBefore()
    {
        await using var app = new GcmBotApp();
        using (var before = await app.Client.PostAsync(new Uri("/hubs/chat/negotiate?negotiateVersion=1", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        app.Factory.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();

        foreach (var path in new[] { "/hubs/chat/negotiate?negotiateVersion=1", "/hubs/display/negotiate?negotiateVersion=1" })
        {
            using var refused = await app.Client.PostAsync(new Uri(path, UriKind.Relative), null);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.True(refused.Headers.ConnectionClose);
            Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
        }

        using var page = await app.Client.GetAsync(new Uri("/api/web/meeting", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
    }
}
