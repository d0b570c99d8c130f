using System.Net;

namespace GcmBot.Host.Tests;

/// <summary>
/// OpenTelemetry's meter listener is process-wide: a host running in parallel publishes a <c>GcmBot</c> meter
/// with the same instruments, which this host's provider may take first and then drop its own as duplicates.
/// These tests count exactly, so they run alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "Metrics";
}

[Collection(MetricsCollection.Name)]
public sealed class MetricsTests
{
    [Fact]
    public async Task Metrics_AfterCommands_CountsThemByCommandAndOutcomeInPrometheusFormat()
    {
        await using var app = new GcmBotApp();
        var delegate_ = await app.IdentityAsync("Delegate of Mexico", "Mexico", "delegate");
        await app.SendAsync(delegate_, GcmBotApp.RoomA, "/agenda");
        await app.SendAsync(delegate_, GcmBotApp.RoomA, "/agenda");
        await app.SendAsync(delegate_, GcmBotApp.RoomA, "/next");

        using var response = await app.Client.GetAsync(new Uri("/metrics", UriKind.Relative));
        var metrics = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("""gcmbot_commands_total{otel_scope_name="GcmBot",channel="web",command="agenda",outcome="ok"} 2""", metrics, StringComparison.Ordinal);
        Assert.Contains("""gcmbot_commands_total{otel_scope_name="GcmBot",channel="web",command="next",outcome="refused"} 1""", metrics, StringComparison.Ordinal);
        Assert.Contains("""gcmbot_command_duration_seconds_count{otel_scope_name="GcmBot",channel="web",command="agenda",outcome="ok"} 2""", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_AfterTheSampleInterval_ReportsEachOpenSessionsWaitingDelegations()
    {
        await using var app = new GcmBotApp();
        var moderator = await app.IdentityAsync("Marit Maij", null, "moderator");
        await app.SendAsync(moderator, GcmBotApp.RoomA, "/session open AG1");
        foreach (var delegation in new[] { "Mexico", "Switzerland" })
        {
            var delegate_ = await app.IdentityAsync($"Delegate of {delegation}", delegation, "delegate");
            await app.SendAsync(delegate_, GcmBotApp.RoomA, "/speak");
        }

        app.Clock.Advance(TimeSpan.FromSeconds(10));

        // The sample is taken on the timer's thread: wait for it to show, at most a few seconds.
        const string Expected = """gcmbot_speakers_waiting{otel_scope_name="GcmBot",session="AG1"} 2""";
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var metrics = "";
        while (!metrics.Contains(Expected, StringComparison.Ordinal) && !patience.IsCancellationRequested)
        {
            metrics = await app.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        }

        Assert.Contains(Expected, metrics, StringComparison.Ordinal);
    }
}
