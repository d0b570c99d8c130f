using GcmBot.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace GcmBot.Core.Tests.Handling;

/// <summary>Late cards, reminders too close to the start, agenda changes and the bounds on durations (docs/meeting-rules.md).</summary>
public sealed class MeetingRuleTests : IAsyncLifetime
{
    private MeetingHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await MeetingHarness.StartAsync();

    public async Task DisposeAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }
    }

    [Fact]
    public async Task Card_RightAfterTheSessionClosed_SavedForThatSessionNotTheNextInTheRoom()
    {
        await _harness.OpenAg1();
        await _harness.Delegate("mex", "Mexico");
        _harness.Time.Advance(TimeSpan.FromMinutes(132));
        await _harness.Expect("mod", "session close");
        _harness.Time.Advance(TimeSpan.FromMinutes(5));

        var saved = await _harness.Expect("mex", "card Protect migrant children");

        Assert.Contains("saved for AG1", saved.Reply.Text, StringComparison.Ordinal);
        Assert.Contains("late cards count for it until the next session in Room A starts", saved.Reply.Text, StringComparison.Ordinal);
        var ag1 = await _harness.Session("AG1");
        Assert.Equal(ag1.Id, await _harness.Query(db => db.Cards.AsNoTracking().Select(c => c.SessionId).SingleAsync()));
    }

    [Fact]
    public async Task Card_OnceTheNextSessionInTheRoomStarted_SavedForIt()
    {
        await _harness.OpenAg1();
        await _harness.Delegate("mex", "Mexico");
        await _harness.Expect("mod", "session close");
        var ag4 = await _harness.Session("AG4");
        _harness.Time.Advance(ag4.StartsAt - _harness.Time.GetUtcNow());

        var saved = await _harness.Expect("mex", "card Protect migrant children");

        Assert.Contains("saved for AG4", saved.Reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemindMe_TooCloseForTheLeadAsked_SaysHowSoonAndOffersWhatIsPossible()
    {
        var ag4 = await _harness.Session("AG4");
        _harness.Time.Advance(ag4.StartsAt - TimeSpan.FromMinutes(5) - _harness.Time.GetUtcNow());

        var offer = await _harness.Expect("ana", "remind me AG4 10m");

        Assert.Contains("AG4 — ", offer.Reply.Text, StringComparison.Ordinal);
        Assert.Contains("starts in 5 min, at 15:30 in Room A", offer.Reply.Text, StringComparison.Ordinal);
        Assert.Equal(["/remind me AG4 4m"], offer.Reply.Actions.Select(a => a.Command));
        Assert.Equal(0, await _harness.Query(db => db.Notices.CountAsync(n => n.Kind == NoticeKind.Reminder)));
        await _harness.Expect("ana", "remind me AG4 4m");
        Assert.Equal(ag4.StartsAt - TimeSpan.FromMinutes(4), await _harness.Query(db => db.Notices.Where(n => n.Kind == NoticeKind.Reminder).Select(n => n.DueAt).SingleAsync()));
    }

    [Fact]
    public async Task SessionRoom_UnknownRoom_RefusedUnlessSaidNew()
    {
        var refusal = await _harness.Refused(MeetingHarness.Organiser, "session room AG4 to Room Z");

        Assert.Contains("has no room `Room Z`", refusal.Text, StringComparison.Ordinal);
        Assert.Contains("session room AG4 to Room Z new", refusal.Text, StringComparison.Ordinal);
        Assert.Equal("Room A", (await _harness.Session("AG4")).Room);

        var moved = await _harness.Expect(MeetingHarness.Organiser, "session room AG4 to Room Z new");
        Assert.Contains("to **Room Z**", moved.Reply.Text, StringComparison.Ordinal);
        Assert.Equal("Room Z", (await _harness.Session("AG4")).Room);
    }

    [Fact]
    public async Task SessionRoom_KnownRoomInOtherCase_UsesTheMeetingsSpelling()
    {
        await _harness.Expect(MeetingHarness.Organiser, "session room AG4 to room b");

        Assert.Equal("Room B", (await _harness.Session("AG4")).Room);
    }

    [Fact]
    public async Task SessionMove_PastMidnight_RefusedAndUnchanged()
    {
        var refusal = await _harness.Refused(MeetingHarness.Organiser, "session move AG4 to 22:30");

        Assert.Contains("after midnight", refusal.Text, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2017, 12, 5, 15, 30, 0, TimeSpan.FromHours(-6)), (await _harness.Session("AG4")).StartsAt);
    }

    [Fact]
    public async Task SessionMove_OntoAnotherSessionInTheRoom_MovedWithAWarning()
    {
        var moved = await _harness.Expect(MeetingHarness.Organiser, "session move AG4 to 12:00");

        Assert.Contains("overlaps AG1 (10:45–13:00) in Room A", moved.Reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("overlaps", moved.Announcements.Single().Message.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("overlaps", (await _harness.Expect(MeetingHarness.Organiser, "session move AG4 to 16:00")).Reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BroadcastAt_TimeAlreadyPastToday_ScheduledForTomorrowAndSaysSo()
    {
        var scheduled = await _harness.Expect(MeetingHarness.Organiser, "broadcast at 09:00 Plenary starts at 10:00.");

        Assert.Contains("scheduled for Wed 6 Dec 09:00", scheduled.Reply.Text, StringComparison.Ordinal);
        Assert.Contains("09:00 has already passed today, so this is for **tomorrow**.", scheduled.Reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BroadcastAt_FullDateInThePast_Refused()
    {
        var refusal = await _harness.Refused(MeetingHarness.Organiser, "broadcast at 2017-12-05T09:00 Too late.");

        Assert.Contains("has already passed", refusal.Text, StringComparison.Ordinal);
        Assert.Equal(0, await _harness.Query(db => db.Notices.CountAsync(n => n.Kind == NoticeKind.Broadcast)));
    }

    [Theory]
    [InlineData("allowance Mexico 168h", "A speaking allowance can be at most 15 min")]
    [InlineData("timer extend 31m", "An extension can be at most 30 min")]
    [InlineData("timer start 2h", "A speaking timer can be at most 30 min")]
    public async Task Durations_BeyondTheMeetingsBounds_RefusedNamingTheBound(string command, string expected)
    {
        await _harness.OpenAg1();
        await _harness.Expect("mod", "list add Mexico");
        await _harness.Expect("mod", "next");

        var refusal = await _harness.Refused("mod", command);

        Assert.Contains(expected, refusal.Text, StringComparison.Ordinal);
        Assert.Equal(0, await _harness.Query(db => db.Allowances.CountAsync()));
        Assert.Equal(120, (await _harness.Interventions("AG1")).Single().AllottedSeconds);
    }

    [Fact]
    public async Task Allowance_AtTheBound_Accepted()
    {
        await _harness.OpenAg1();

        await _harness.Expect("mod", "allowance Mexico 15m");

        Assert.Equal(900, await _harness.Query(db => db.Allowances.Select(a => a.Seconds).SingleAsync()));
    }
}
