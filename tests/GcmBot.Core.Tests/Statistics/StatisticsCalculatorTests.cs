using System.Text;
using GcmBot.Core.Domain;
using GcmBot.Core.Statistics;
using GcmBot.Core.Tests.Handling;

namespace GcmBot.Core.Tests.Statistics;

/// <summary>The statistics of <see cref="ScriptedSession"/>, every figure worked out by hand in the comments.</summary>
public sealed class StatisticsCalculatorTests : IAsyncLifetime
{
    private MeetingHarness _harness = null!;

    public async Task InitializeAsync()
    {
        _harness = await MeetingHarness.StartAsync();
        await ScriptedSession.PlayAsync(_harness);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Compute_ScriptedSession_HeadlineFigures()
    {
        var f = (await ComputeAsync(session: "AG1")).Figures;

        Assert.Equal(1, f.Sessions);
        Assert.Equal(6, f.Delegations);             // all but Brazil; Chile asked, then withdrew: it took part
        Assert.Equal(4, f.MemberStates);            // Mexico, Switzerland, Netherlands, Chile
        Assert.Equal(1, f.Stakeholders);            // Migrant Forum in Asia (IOM is the UN system)
        Assert.Equal(7, f.RegisteredParticipants);  // seven delegates registered; the moderator, organiser and guest have no delegation
        Assert.Equal(7, f.ActiveParticipants);      // six who asked for the floor, plus the guest who wrote
        Assert.Equal(4, f.Interventions);           // Mexico, Switzerland, Netherlands, IOM
        Assert.Equal(TimeSpan.FromSeconds(90 + 130 + 120 + 100), f.SpeakingTime);
        Assert.Equal(1, f.ChairInterventions);      // the opening statement
        Assert.Equal(0, f.Panellists);
        Assert.Equal(3, f.Cards);                   // four submitted, one withdrawn
        Assert.Equal(4, f.Contributions);
        Assert.Equal(4.0, f.AverageMemberStatesPerSession);
    }

    [Fact]
    public async Task Compute_ScriptedSession_ByCategoryAsInTable1()
    {
        var categories = (await ComputeAsync(session: "AG1")).Categories;

        Assert.Equal(["Member States", "Observer States", "UN system", "Intergovernmental organisations", "Non-governmental stakeholders"], categories.Select(c => c.Name));
        Assert.Equal([4, 0, 1, 0, 1], categories.Select(c => c.Delegations));
        Assert.Equal([3, 0, 1, 0, 0], categories.Select(c => c.Interventions));
        Assert.Equal([340.0, 0, 100, 0, 0], categories.Select(c => c.SpeakingTime.TotalSeconds));
        Assert.Equal([2, 0, 1, 0, 0], categories.Select(c => c.Cards));
    }

    [Fact]
    public async Task Compute_ScriptedSession_PerDelegationTimeUsedAndNotReached()
    {
        var statistics = await ComputeAsync(session: "AG1");

        // Longest speaking time first; those who did not speak by name.
        Assert.Equal(["Switzerland", "Netherlands", "International Organization for Migration", "Mexico", "Chile", "Migrant Forum in Asia"], statistics.Delegations.Select(d => d.Name));
        var mexico = statistics.Delegations.Single(d => d.Name == "Mexico");
        Assert.Equal(new DelegationStatistics("Mexico", "Member State", 1, TimeSpan.FromSeconds(90), TimeSpan.FromSeconds(120), 1, 0, 1, 2), mexico);
        var switzerland = statistics.Delegations.Single(d => d.Name == "Switzerland");
        Assert.Equal(TimeSpan.FromSeconds(130), switzerland.SpeakingTime);
        var forum = statistics.Delegations.Single(d => d.Name == "Migrant Forum in Asia");
        Assert.Equal(new DelegationStatistics("Migrant Forum in Asia", "Non-governmental stakeholder", 0, TimeSpan.Zero, TimeSpan.Zero, 1, 1, 0, 1), forum);

        // Used versus allotted, everyone who spoke: 300 + 90 + 130 + 120 + 100 of 300 + 4 × 120.
        var ag1 = Assert.Single(statistics.Sessions);
        Assert.Equal(new SessionTime("AG1", "Human dimension", 5, TimeSpan.FromSeconds(740), TimeSpan.FromSeconds(780)), ag1);

        // Migrant Forum in Asia asked at 10:50 and was still waiting at the close; Chile withdrew.
        var missed = Assert.Single(statistics.NotReached);
        Assert.Equal(new UnreachedRequest("AG1", "Migrant Forum in Asia", "Non-governmental stakeholder", "10:50", "not reached before the close"), missed);
    }

    [Fact]
    public async Task Compute_WholeMeeting_CardsPerActionGroupAndParticipationOverTheDays()
    {
        var statistics = await ComputeAsync(session: null);

        Assert.Equal(18, statistics.Figures.Sessions); // 22 in the sample meeting, four of them breaks
        Assert.Equal(["AG1", "AG2", "AG3", "AG4", "AG5", "AG6"], statistics.CardsBySession.Select(c => c.Code));
        Assert.Equal([3, 0, 0, 0, 0, 0], statistics.CardsBySession.Select(c => c.Cards));
        Assert.Equal(3, statistics.CardsBySession[0].Delegations);
        Assert.Equal([1, 2, 3], statistics.Days.Select(d => d.Day));
        Assert.Equal(new DayParticipation(2, "Tuesday 5 December 2017", 6, 4, 1, 7, 4, 3, 4), statistics.Days[1]);
        Assert.All([statistics.Days[0], statistics.Days[2]], d => Assert.Equal(0, d.Delegations + d.Interventions + d.Cards + d.Contributions));
        Assert.Equal(4.0, statistics.Figures.AverageMemberStatesPerSession); // only AG1 had anyone taking part
    }

    [Fact]
    public async Task StatsCommand_Rapporteur_GetsFiguresAndCsv()
    {
        await _harness.Expect("rap", "whoami");
        await _harness.Expect(MeetingHarness.Organiser, "assign rapporteur rap AG1");

        var reply = (await _harness.Expect("rap", "stats session")).Reply;

        Assert.Equal("Statistics — AG1 — Action Group 1: Human dimension", reply.Title);
        Assert.Contains(reply.Facts, f => f is { Label: "Delegations", Value: "6 took part (4 Member States, 1 UN system entity, 1 non-governmental stakeholder)" });
        Assert.Equal(["Switzerland", "Netherlands", "International Organization for Migration", "Mexico"], reply.Items.Select(i => i.Label));
        Assert.Equal("Member State · 1 intervention, 2:10 min of 2 min allotted", reply.Items[0].Detail);
        Assert.Equal("stats-AG1.csv", reply.Attachment!.FileName);
        var csv = Encoding.UTF8.GetString(reply.Attachment.Content).Split("\r\n");
        Assert.Equal("Table,Item,Category,Measure,Value", csv[0]);
        Assert.Contains("delegations,Switzerland,Member State,speakingSeconds,130", csv);
        Assert.Contains("categories,UN system,UN system,interventions,1", csv);
        Assert.Contains("figures,AG1 — Action Group 1: Human dimension,,delegations,6", csv);
    }

    [Fact]
    public async Task StatsCommand_Delegate_Refused()
    {
        var refusal = await _harness.Refused("mex", "stats");

        Assert.Equal("Only moderators, rapporteurs and organisers can use `stats`.", refusal.Text);
    }

    [Fact]
    public async Task StatsCommand_DayOnTheDay_CoversTheDaysSessions()
    {
        var reply = (await _harness.Expect(MeetingHarness.Organiser, "stats day")).Reply;

        Assert.Equal("Statistics — Day 2 — Tuesday 5 December 2017", reply.Title);
        Assert.Equal("stats-day2.csv", reply.Attachment!.FileName);
    }

    private Task<MeetingStatistics> ComputeAsync(string? session) =>
        _harness.Store.ReadAsync(
            async (data, ct) =>
            {
                var meeting = (await data.GetMeetingAsync(ct))!;
                var sessions = await data.GetSessionsAsync(meeting.Id, ct);
                IReadOnlyList<Session> chosen = session is null ? sessions : [sessions.Single(s => s.Code == session)];
                return await StatisticsReader.ComputeAsync(data, meeting, session is null ? StatisticsReader.MeetingScope : StatisticsReader.SessionScope(chosen[0]), chosen, ct);
            },
            CancellationToken.None);
}
