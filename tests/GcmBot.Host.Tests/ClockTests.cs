using Microsoft.Extensions.DependencyInjection;

namespace GcmBot.Host.Tests;

public sealed class ClockTests
{
    [Fact]
    public async Task Services_FakeClockInjected_ReplacesRegisteredTimeProvider()
    {
        await using var app = new GcmBotApp();

        var time = app.Factory.Services.GetRequiredService<TimeProvider>();

        Assert.Same(app.Clock, time);
        Assert.Equal(GcmBotApp.DuringActionGroups, time.GetUtcNow());
    }
}
