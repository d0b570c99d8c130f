using System.Text;
using GcmBot.Core.Tests.Handling;
using Ical.Net;

namespace GcmBot.Core.Tests.Agenda;

/// <summary>The agenda calendar is read back with Ical.Net, as a calendar app would.</summary>
public sealed class AgendaCalendarTests : IAsyncLifetime
{
    private MeetingHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await MeetingHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task AgendaIcs_SampleMeeting_EverySessionInVenueTimeWithRoomModeratorAndRapporteur()
    {
        var reply = (await _harness.Expect("someone", "agenda ics")).Reply;

        Assert.Equal("agenda.ics", reply.Attachment!.FileName);
        Assert.StartsWith("text/calendar", reply.Attachment.ContentType, StringComparison.Ordinal);
        var calendar = Calendar.Load(Encoding.UTF8.GetString(reply.Attachment.Content))!;

        var zone = Assert.Single(calendar.TimeZones);
        Assert.Equal("America/Mexico_City", zone.TzId);
        Assert.Equal(18, calendar.Events.Count); // 22 sessions, four breaks left out
        var ag1 = calendar.Events.Single(e => e.Summary == "AG1 — Action Group 1: Human dimension");
        Assert.Equal("America/Mexico_City", ag1.DtStart!.TzId);
        Assert.Equal(new DateTime(2017, 12, 5, 10, 45, 0), ag1.DtStart.Value);
        Assert.Equal(new DateTime(2017, 12, 5, 16, 45, 0, DateTimeKind.Utc), ag1.DtStart.AsUtc);
        Assert.Equal(new DateTime(2017, 12, 5, 19, 0, 0, DateTimeKind.Utc), ag1.DtEnd!.AsUtc);
        Assert.Equal("Room A", ag1.Location);
        Assert.Contains("Moderator: Ms. Marit Maij, Special Envoy Migration of the Netherlands; H.E. Mr. Omar Hilale", ag1.Description, StringComparison.Ordinal);
        Assert.Contains("Rapporteur: H.E. Mr. Arturo Cabrera, Deputy Permanent Representative of Ecuador", ag1.Description, StringComparison.Ordinal);
        Assert.DoesNotContain(calendar.Events, e => e.Summary!.Contains("Lunch", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task AgendaIcs_TwiceAndAfterAMove_SameUidsNewTimes()
    {
        var first = Calendar.Load(Encoding.UTF8.GetString((await _harness.Expect("someone", "agenda ics")).Reply.Attachment!.Content))!;
        await _harness.Expect(MeetingHarness.Organiser, "session move AG4 to 16:00");
        var second = Calendar.Load(Encoding.UTF8.GetString((await _harness.Expect("someone", "agenda ics")).Reply.Attachment!.Content))!;

        Assert.Equal(first.Events.Select(e => e.Uid).Order(StringComparer.Ordinal), second.Events.Select(e => e.Uid).Order(StringComparer.Ordinal));
        Assert.Equal(first.Events.Count, first.Events.Select(e => e.Uid).Distinct().Count());
        var ag4 = second.Events.Single(e => e.Summary!.StartsWith("AG4", StringComparison.Ordinal));
        Assert.Equal(new DateTime(2017, 12, 5, 16, 0, 0), ag4.DtStart!.Value);
    }
}
