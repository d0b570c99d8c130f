using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace GcmBot.Scheduling.Tests;

/// <summary>A host killed while a speaking timer runs: the restarted host fires the expiry on time, once.</summary>
public sealed class RestartTests : IAsyncLifetime
{
    /// <summary>How late the restarted host may claim the expiry.</summary>
    private static readonly TimeSpan _tolerance = TimeSpan.FromMilliseconds(250);

    /// <summary>The defaults of SchedulingOptions.BackstopDelay and SweepInterval: no duplicate may come within them.</summary>
    private static readonly TimeSpan _backstopAndSweep = TimeSpan.FromSeconds(2) + TimeSpan.FromSeconds(5);

    private readonly ITestOutputHelper _output;
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"gcmbot-restart-{Guid.NewGuid():N}.db");

    public RestartTests(ITestOutputHelper output)
    {
        _output = output;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_database + suffix);
        }

        return Task.CompletedTask;
    }

    [Fact]
    public async Task Next_HostKilledBeforeTheDeadline_RestartedHostExpiresTheTimerOnceOnTime()
    {
        DateTimeOffset deadline;
        string moderator;
        await using (var first = await ChildHost.StartAsync($"--Storage:ConnectionString=Data Source={_database}"))
        {
            moderator = await first.Chat.IdentityAsync("Marit Maij", null, "moderator");
            var mexico = await first.Chat.IdentityAsync("Delegate of Mexico", "Mexico", "delegate");
            await first.Chat.RunAsync(moderator, WebChat.RoomA, "/session open AG1");
            await first.Chat.RunAsync(mexico, WebChat.RoomA, "/speak");
            await first.Chat.RunAsync(moderator, WebChat.RoomA, "/allowance Mexico 15s");

            // 15 s rather than 8: on a loaded machine the second host can take more than 6 s to start.
            var next = await first.Chat.RunAsync(moderator, WebChat.RoomA, "/next");

            await first.KillAsync();
            deadline = Messages.Deadline(next);
            Assert.True(deadline > DateTimeOffset.UtcNow, $"the host was killed only at {DateTimeOffset.UtcNow:O}, after the deadline {deadline:O}");
        }

        await using var second = await ChildHost.StartAsync($"--Storage:ConnectionString=Data Source={_database}");
        await using var feed = await RoomFeed.OpenAsync(second.BaseAddress, WebChat.RoomA, moderator);
        var subscribedAt = DateTimeOffset.UtcNow;
        Assert.True(subscribedAt < deadline, $"subscribed at {subscribedAt:O}, after the deadline {deadline:O}");

        var expiry = await feed.WaitForAsync(Messages.IsExpiry);
        var receivedAt = DateTimeOffset.UtcNow;
        var duplicate = feed.WaitForAsync(Messages.IsExpiry, 2, _backstopAndSweep);
        await Assert.ThrowsAsync<TimeoutException>(() => duplicate);

        Assert.Contains("**Mexico**", Messages.Text(expiry), StringComparison.Ordinal);
        Assert.Equal(1, feed.Count(Messages.IsExpiry));
        await second.KillAsync();
        var (dueAt, firedAt) = await ExpiryAsync();
        Assert.Equal(Messages.Stored(deadline), dueAt);
        var lateness = firedAt - dueAt;
        _output.WriteLine($"restart: due {dueAt:O}, fired {firedAt:O} (lateness {lateness.TotalMilliseconds:F1} ms), received by the SignalR client {(receivedAt - dueAt).TotalMilliseconds:F1} ms after the deadline");
        Assert.InRange(lateness, TimeSpan.Zero, _tolerance);
    }

    /// <summary>The one fired notice of the run, read from the SQLite file (instants stored as UTC ticks).</summary>
    private async Task<(DateTimeOffset DueAt, DateTimeOffset FiredAt)> ExpiryAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_database}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT DueAt, FiredAt FROM Notices WHERE FiredAt IS NOT NULL";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), "no notice was fired");
        var result = (new DateTimeOffset(reader.GetInt64(0), TimeSpan.Zero), new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero));
        Assert.False(await reader.ReadAsync(), "more than one notice was fired");
        return result;
    }
}
