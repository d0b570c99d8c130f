using System.Net;

namespace GcmBot.Host.Tests;

public sealed class HealthTests
{
    [Theory]
    [InlineData("/health")]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_MeetingLoaded_ReportsHealthy(string path)
    {
        await using var app = new GcmBotApp();

        using var response = await app.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ready_DiskFull_UnhealthyWhileWritesFailAndHealthyAgainOnceFreed()
    {
        await using var disk = await SmallDisk.MountAsync(megabytes: 16);
        await using var app = new GcmBotApp(databasePath: Path.Combine(disk.Path, "meeting.db"));
        var moderator = await app.IdentityAsync("Moderator", null, "moderator");
        Assert.Equal((HttpStatusCode.OK, "Healthy"), await ReadyAsync(app));

        disk.Fill();
        var refused = await app.SendAsync(moderator, GcmBotApp.RoomA, "/session open AG1");
        Assert.True(refused.GetProperty("isError").GetBoolean());
        Assert.StartsWith("Sorry, something went wrong on our side and nothing was changed.", refused.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), await ReadyAsync(app));
        Assert.Equal((HttpStatusCode.OK, "Healthy"), await LiveAsync(app)); // the process itself is fine: no restart

        disk.Free();
        Assert.Equal((HttpStatusCode.OK, "Healthy"), await ReadyAsync(app));
        var opened = await app.SendAsync(moderator, GcmBotApp.RoomA, "/session open AG1");
        Assert.False(opened.GetProperty("isError").GetBoolean(), opened.ToString());
    }

    private static Task<(HttpStatusCode, string)> ReadyAsync(GcmBotApp app) => StatusAsync(app, "/health/ready");

    private static Task<(HttpStatusCode, string)> LiveAsync(GcmBotApp app) => StatusAsync(app, "/health/live");

    private static async Task<(HttpStatusCode, string)> StatusAsync(GcmBotApp app, string path)
    {
        using var response = await app.Client.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
