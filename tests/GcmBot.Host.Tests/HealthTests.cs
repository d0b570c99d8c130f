using Microsoft.AspNetCore.Mvc.Testing;

namespace GcmBot.Host.Tests;

public sealed class HealthTests : IClassFixture<WebApplicationFactory<Program>>
{
    private readonly WebApplicationFactory<Program> _factory;

    public HealthTests(WebApplicationFactory<Program> factory)
    {
        _factory = factory.WithWebHostBuilder(b => b.UseSetting("Storage:ConnectionString", $"Data Source={Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".db")}"));
    }

    [Fact]
    public async Task Health_MeetingLoaded_ReportsHealthy()
    {
        using var client = _factory.CreateClient();
        var body = await client.GetStringAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal("Healthy", body);
    }
}
