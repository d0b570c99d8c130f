using System.Globalization;

namespace GcmBot.Host.Tests;

/// <summary>The README's quick tour on the shipped sample meeting, at today's real date, with no rehearsal clock.</summary>
public sealed class FirstRunTests
{
    private static readonly TimeZoneInfo _venue = TimeZoneInfo.FindSystemTimeZoneById("America/Mexico_City");

    /// <summary>Today's real date at a venue-local hour, or the real instant itself.</summary>
    private static DateTimeOffset Today(string? venueTime)
    {
        var now = TimeProvider.System.GetUtcNow();
        if (venueTime is null)
        {
            return now;
        }

        var local = TimeZoneInfo.ConvertTime(now, _venue).Date + TimeSpan.Parse(venueTime, CultureInfo.InvariantCulture);
        return new DateTimeOffset(local, _venue.GetUtcOffset(local));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("03:00")]
    [InlineData("23:58")]
    public async Task QuickTour_TodayAtAnyHour_ActionGroupsRunAndDelegateCanSpeak(string? venueTime)
    {
        await using var app = new GcmBotApp(Today(venueTime));
        var moderator = await app.IdentityAsync("Moderator", null, "moderator");
        var mexico = await app.IdentityAsync("Mexico delegate", "Mexico", "delegate");

        var agenda = await app.SendAsync(mexico, GcmBotApp.RoomA, "/agenda now");
        var opened = await app.SendAsync(moderator, GcmBotApp.RoomA, "/session open AG1");
        var spoke = await app.SendAsync(mexico, GcmBotApp.RoomA, "/speak");
        var ag1 = await app.SessionAsync("AG1");

        var codes = agenda.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("detail").GetString()!.Split(' ')[0]).ToList();
        Assert.Equal(["AG1", "AG2", "AG3"], codes);
        Assert.InRange(app.Clock.GetUtcNow() - ag1.StartsAt, TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(20));
        Assert.Equal("AG1 open — Room A", opened.GetProperty("title").GetString());
        Assert.False(spoke.GetProperty("isError").GetBoolean(), spoke.ToString());
        Assert.Contains("**Mexico** asked for the floor", spoke.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seeder_SampleRunEndedBeforeRestart_LaysSampleAroundNowAgain()
    {
        await using var app = new GcmBotApp(Today(null));
        _ = app.Client;
        var first = await app.SessionAsync("AG1");

        await using var nextDay = new GcmBotApp(Today(null).AddDays(3), databasePath: app.DatabasePath);
        _ = nextDay.Client;
        var again = await nextDay.SessionAsync("AG1");

        Assert.Equal(first.StartsAt.AddDays(3), again.StartsAt);
    }
}
