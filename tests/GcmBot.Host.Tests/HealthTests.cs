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
}
