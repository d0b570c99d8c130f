using GcmBot.Core.Domain;
using GcmBot.Core.Handling;
using GcmBot.Core.Replies;
using Microsoft.EntityFrameworkCore;

namespace GcmBot.Core.Tests.Handling;

public sealed class FloorScenarioTests : IAsyncLifetime
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
    public async Task Next_ActionGroupWithMixedRequests_MemberStatesFirstThenStakeholders()
    {
        var opened = await _harness.OpenAg1();
        Assert.Equal("AG1 open — Room A", opened.Reply.Title);
        Assert.Single(opened.Announcements);
        var ag1 = await _harness.Session("AG1");
        Assert.True(ag1.IsOpen);
        Assert.True(ag1.ListOpen);
        Assert.Equal(ag1.Id, opened.Announcements[0].SessionId);

        await _harness.Delegate("mex", "Mexico");
        await _harness.Delegate("mfa", "Migrant Forum in Asia");
        await _harness.Delegate("che", "Switzerland");
        await _harness.Delegate("iom", "IOM");
        await _harness.Delegate("nld", "Netherlands");
        var placed = new Dictionary<string, string>();
        foreach (var user in new[] { "mex", "mfa", "che", "iom", "nld" })
        {
            placed[user] = (await _harness.Expect(user, "/speak")).Reply.Text;
        }

        // A stakeholder's place is in the whole list; the segment is said apart, not as "#2 of 2 in the segment".
        Assert.Equal("**Migrant Forum in Asia** asked for the floor: #2 of 2, in the stakeholder segment.", placed["mfa"]);

        var queue = await _harness.Expect("mex", "queue");
        string[] expected = ["Mexico", "Switzerland", "Netherlands", "Migrant Forum in Asia", "International Organization for Migration"];
        Assert.Equal(expected, queue.Reply.Items.Select(i => i.Label));
        Assert.Equal([Segment.Main, Segment.Main, Segment.Main, Segment.Stakeholders, Segment.Stakeholders], queue.Reply.Items.Select(i => i.Segment!.Value));
        Assert.Contains(queue.Reply.Facts, f => f is { Label: "Your place", Value: "#1" });

        var given = new List<string>();
        for (var i = 0; i < expected.Length; i++)
        {
            var next = await _harness.Expect("mod", "next");
            given.Add(expected.Single(name => next.Reply.Text.Contains($"**{name}**", StringComparison.Ordinal)));
            Assert.Contains(next.Reply.Facts, f => f is { Label: "Time", Value: "2 min" });
            Assert.Equal(ag1.Id, Assert.Single(next.Announcements, a => a.Delegation is null).SessionId);
            _harness.Time.Advance(TimeSpan.FromMinutes(2));
        }

        Assert.Equal(expected, given);
        var interventions = await _harness.Interventions("AG1");
        Assert.Equal(5, interventions.Count);
        for (var i = 0; i < interventions.Count; i++)
        {
            Assert.Equal(MeetingHarness.Start + TimeSpan.FromMinutes(2 * i), interventions[i].StartedAt);
            Assert.Equal(120, interventions[i].AllottedSeconds);
            Assert.Equal(InterventionKind.Statement, interventions[i].Kind);
        }

        Assert.All(interventions.Take(4), (intervention, i) => Assert.Equal(MeetingHarness.Start + TimeSpan.FromMinutes(2 * (i + 1)), intervention.EndedAt));
        Assert.Null(interventions[4].EndedAt);
        Assert.Equal([Segment.Main, Segment.Main, Segment.Main, Segment.Stakeholders, Segment.Stakeholders], interventions.Select(i => i.Segment));

        var empty = await _harness.Expect("mod", "next");
        Assert.Contains("Nobody is waiting", empty.Reply.Text, StringComparison.Ordinal);
        Assert.Equal(MeetingHarness.Start + TimeSpan.FromMinutes(10), (await _harness.Interventions("AG1"))[4].EndedAt);
    }

    [Fact]
    public async Task Next_TwoWaiting_SpeakerToldPrivatelyItHasTheFloorAndTheNextOneThatItIsNext()
    {
        await _harness.OpenAg1();
        await _harness.Delegate("mex", "Mexico");
        await _harness.Delegate("che", "Switzerland");
        await _harness.Delegate("nld", "Netherlands");
        await _harness.Expect("mex", "/speak");
        await _harness.Expect("che", "/speak");
        await _harness.Expect("nld", "/speak");
        var mexico = await _harness.DelegationNamed("Mexico");
        var switzerland = await _harness.DelegationNamed("Switzerland");

        var next = await _harness.Expect("mod", "next");

        var cues = next.Announcements.Where(a => a.Delegation is not null).ToList();
        Assert.Equal(2, cues.Count);
        Assert.All(cues, c => Assert.Equal(Visibility.Private, c.Message.Visibility));
        Assert.Equal(mexico.Id, cues[0].Delegation);
        Assert.StartsWith("**You have the floor** in AG1", cues[0].Message.Text, StringComparison.Ordinal);
        Assert.NotNull(cues[0].Message.Deadline);
        Assert.Equal(switzerland.Id, cues[1].Delegation);
        Assert.StartsWith("**You are next** in AG1, after Mexico", cues[1].Message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Next_LastOneWaiting_OnlyTheSpeakerIsCued()
    {
        await _harness.OpenAg1();
        await _harness.Delegate("mex", "Mexico");
        await _harness.Expect("mex", "/speak");

        var next = await _harness.Expect("mod", "next");

        Assert.Equal((await _harness.DelegationNamed("Mexico")).Id, Assert.Single(next.Announcements, a => a.Delegation is not null).Delegation);
    }

    [Fact]
    public async Task Speak_SecondTime_RefusedWithPosition()
    {
        await _harness.OpenAg1();
        await _harness.Delegate("mex", "Mexico");
        await _harness.Delegate("che", "Switzerland");
        await _harness.Expect("che", "speak");
        await _harness.Expect("mex", "speak");

        var refusal = await _harness.Refused("mex", "speak");

        Assert.Contains("Mexico is already on the list of AG1", refusal.Text, StringComparison.Ordinal);
        Assert.Contains("#2", refusal.Text, StringComparison.Ordinal);
        Assert.Equal(2, (await _harness.Expect("mex", "queue")).Reply.Items.Count);
    }

    [Fact]
    public async Task Speak_SecondMemberOfSameDelegation_Refused()
    {
        await _harness.OpenAg1();
        await _harness.Delegate("mex1", "Mexico");
        await _harness.Delegate("mex2", "MEX");
        await _harness.Expect("mex1", "speak");

        var refusal = await _harness.Refused("mex2", "speak");

        Assert.Contains("already on the list", refusal.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Speak_SessionNotOpen_RefusedWithHowToOpen()
    {
        await _harness.Delegate("mex", "Mexico");

        var refusal = await _harness.Refused("mex", "speak");

        Assert.Contains("session open AG1", refusal.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Withdraw_ThenSpeakAgain_GoesToTheBack()
    {
        await _harness.OpenAg1();
        await _harness.Delegate("mex", "Mexico");
        await _harness.Delegate("che", "Switzerland");
        await _harness.Delegate("nld", "Netherlands");
        await _harness.Expect("mex", "speak");
        await _harness.Expect("che", "speak");
        await _harness.Expect("nld", "speak");

        var withdrawn = await _harness.Expect("mex", "withdraw");
        Assert.Contains("withdrew", withdrawn.Reply.Text, StringComparison.Ordinal);
        Assert.Equal(["Switzerland", "Netherlands"], (await _harness.Expect("che", "queue")).Reply.Items.Select(i => i.Label));

        var back = await _harness.Expect("mex", "speak");

        Assert.Contains("#3 of 3", back.Reply.Text, StringComparison.Ordinal);
        Assert.Equal(["Switzerland", "Netherlands", "Mexico"], (await _harness.Expect("che", "queue")).Reply.Items.Select(i => i.Label));
        await _harness.Expect("nld", "withdraw");
        Assert.Contains("not on the speakers list", (await _harness.Refused("nld", "withdraw")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListClose_SpeakRefusedPointOfOrderAllowed_ReopenAllowsSpeak()
    {
        await _harness.OpenAg1();
        await _harness.Delegate("mex", "Mexico");
        await _harness.Delegate("che", "Switzerland");
        await _harness.Expect("che", "speak");

        var closed = await _harness.Expect("mod", "list close");
        Assert.Single(closed.Announcements);
        var refusal = await _harness.Refused("mex", "speak");
        Assert.Contains("closed", refusal.Text, StringComparison.Ordinal);
        Assert.Contains("point of order", refusal.Text, StringComparison.Ordinal);
        await _harness.Refused("mex", "reply");

        var point = await _harness.Expect("mex", "point of order");
        Assert.Contains("#1 of 2", point.Reply.Text, StringComparison.Ordinal);
        Assert.Contains((await _harness.Expect("mod", "queue")).Reply.Facts, f => f is { Label: "List", Value: "closed" });
        await _harness.Refused("mod", "list close");

        await _harness.Expect("mod", "list reopen");
        var speak = await _harness.Expect("mex", "speak");

        Assert.Contains("#3 of 3", speak.Reply.Text, StringComparison.Ordinal);
        Assert.True((await _harness.Session("AG1")).ListOpen);
    }

    [Fact]
    public async Task Queue_LongerThanAReplyShows_NextTwentyAndACountThenAllOnRequest()
    {
        await _harness.OpenAg1();
        for (var i = 1; i <= QueueView.Shown + 5; i++)
        {
            var user = $"u{i:00}";
            await _harness.Expect(MeetingHarness.Organiser, $"delegation add Testland {i:00} as memberState");
            await _harness.Delegate(user, $"Testland {i:00}");
            await _harness.Expect(user, "speak");
        }

        var queue = (await _harness.Expect("u23", "queue")).Reply;
        var whole = (await _harness.Expect("u23", "queue all")).Reply;

        Assert.Equal(Enumerable.Range(1, QueueView.Shown).Select(i => $"Testland {i:00}"), queue.Items.Select(i => i.Label));
        Assert.Contains(queue.Facts, f => f is { Label: "Also waiting", Value: "5 more (25 in all): `queue all` shows the whole list" });
        Assert.Contains(queue.Facts, f => f is { Label: "Your place", Value: "#23" });
        Assert.Equal(Enumerable.Range(1, QueueView.Shown + 5).Select(i => $"Testland {i:00}"), whole.Items.Select(i => i.Label));
        Assert.DoesNotContain(whole.Facts, f => f.Label == "Also waiting");
    }

    [Fact]
    public async Task ListAddRemoveMove_ByModerator_ChangesTheList()
    {
        await _harness.OpenAg1();

        var added = await _harness.Expect("mod", "list add Mexico");
        Assert.Contains("was added to the speakers list", added.Reply.Text, StringComparison.Ordinal);
        await _harness.Expect("mod", "list add CHE");
        await _harness.Expect("mod", "list add United Arab Emirates");
        await _harness.Expect("mod", "list add IOM");
        await _harness.Refused("mod", "list add Mexico");

        var moved = await _harness.Expect("mod", "/list move UAE 1");
        Assert.Equal("United Arab Emirates moved to #1.", moved.Reply.Text);
        Assert.Equal(["United Arab Emirates", "Mexico", "Switzerland", "International Organization for Migration"], moved.Reply.Items.Select(i => i.Label));

        await _harness.Expect("mod", "list remove Switzerland");
        await _harness.Refused("mod", "list remove Switzerland");

        var queue = await _harness.Expect("mod", "queue");
        Assert.Equal(["United Arab Emirates", "Mexico", "International Organization for Migration"], queue.Reply.Items.Select(i => i.Label));
        var removed = await _harness.Query(db => db.SpeakerEntries.AsNoTracking().CountAsync(e => e.Status == EntryStatus.Removed));
        Assert.Equal(1, removed);
    }

    [Fact]
    public async Task ListMove_PositionZero_Refused()
    {
        await _harness.OpenAg1();
        await _harness.Expect("mod", "list add Mexico");

        var refusal = await _harness.Refused("mod", "list move Mexico 0");

        Assert.Contains("Positions start at 1", refusal.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stakeholders_Started_StakeholdersHeardBeforeRemainingMemberStates()
    {
        await _harness.OpenAg1();
        await _harness.Expect("mod", "list add Mexico");
        await _harness.Expect("mod", "list add Switzerland");
        await _harness.Expect("mod", "list add Migrant Forum in Asia");

        var started = await _harness.Expect("mod", "stakeholders");

        Assert.Contains("(1 waiting)", started.Reply.Text, StringComparison.Ordinal);
        Assert.Contains("Stakeholder slots still free: 3.", started.Reply.Text, StringComparison.Ordinal);
        Assert.Equal(Segment.Stakeholders, (await _harness.Session("AG1")).CurrentSegment);
        var queue = await _harness.Expect("mod", "queue");
        Assert.Equal(["Migrant Forum in Asia", "Mexico", "Switzerland"], queue.Reply.Items.Select(i => i.Label));
        Assert.Contains(queue.Reply.Facts, f => f is { Label: "Segment", Value: "stakeholders" });
        Assert.Contains("Migrant Forum in Asia", (await _harness.Expect("mod", "next")).Reply.Text, StringComparison.Ordinal);
        await _harness.Refused("mod", "stakeholders");
    }

    [Fact]
    public async Task Flex_On_StatementsGetThreeMinutes()
    {
        await _harness.OpenAg1();
        await _harness.Expect("mod", "list add Mexico");
        await _harness.Expect("mod", "list add Switzerland");

        var flex = await _harness.Expect("mod", "flex on");
        Assert.Contains("3 min", flex.Reply.Text, StringComparison.Ordinal);
        Assert.True((await _harness.Session("AG1")).Flexible);

        var next = await _harness.Expect("mod", "next");
        Assert.Contains(next.Reply.Facts, f => f is { Label: "Time", Value: "3 min" });
        Assert.Equal(180, (await _harness.Interventions("AG1"))[0].AllottedSeconds);

        await _harness.Expect("mod", "flex off");
        await _harness.Expect("mod", "next");
        Assert.Equal(120, (await _harness.Interventions("AG1"))[1].AllottedSeconds);
    }

    [Fact]
    public async Task Queue_Moderator_SeesEstimateAndAdviceDelegateDoesNot()
    {
        await _harness.OpenAg1();
        await _harness.Delegate("mex", "Mexico");
        await _harness.Expect("mex", "speak");
        await _harness.Expect("mod", "list add Switzerland");

        var moderatorView = await _harness.Expect("mod", "queue");
        var delegateView = await _harness.Expect("mex", "queue");

        // 10:50 + 2 × 2 min + 4 stakeholder slots × 2 min = 11:02, well before 12:55.
        var estimate = Assert.Single(moderatorView.Reply.Facts, f => f.Label == "Estimated end");
        Assert.StartsWith("11:02 (session ends 13:00", estimate.Value, StringComparison.Ordinal);
        Assert.Contains("no stakeholder has asked yet; 8 min kept for the remaining stakeholder slots", estimate.Value, StringComparison.Ordinal);
        Assert.Contains(moderatorView.Reply.Facts, f => f.Label == "Advice" && f.Value.Contains("flex on", StringComparison.Ordinal));
        Assert.Contains(moderatorView.Reply.Actions, a => a.Command == "/next");
        Assert.DoesNotContain(delegateView.Reply.Facts, f => f.Label is "Estimated end" or "Advice");
        Assert.DoesNotContain(delegateView.Reply.Actions, a => a.Command == "/next");
        Assert.Equal(Visibility.Private, delegateView.Reply.Visibility);
    }

    [Fact]
    public async Task Queue_At1247WithTwoMemberStatesWaiting_NoCloseAdviceAndSaysWhatIsReserved()
    {
        await _harness.OpenAg1();
        await _harness.Expect("mod", "list add Mexico");
        await _harness.Expect("mod", "list add Chile");
        _harness.Time.Advance(TimeSpan.FromMinutes(117));

        var queue = await _harness.Expect("mod", "queue");

        var estimate = Assert.Single(queue.Reply.Facts, f => f.Label == "Estimated end");
        Assert.Equal("12:55 (session ends 13:00; 5 min kept for concluding remarks; no stakeholder has asked yet; 4 min of the 8 min for the remaining stakeholder slots is left after the waiting speakers)", estimate.Value);
        Assert.DoesNotContain(queue.Reply.Facts, f => f.Label == "Advice" && f.Value.Contains("list close", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Withdraw_WithStatementAndReply_TakesTheStatementOnlyUntilWithdrawReply()
    {
        await _harness.OpenAg1();
        await _harness.Delegate("mex", "Mexico");
        await _harness.Expect("mex", "speak");
        await _harness.Expect("mex", "reply");

        var withdrawn = await _harness.Expect("mex", "withdraw");

        Assert.Contains("Its right of reply stays, at #1.", withdrawn.Reply.Text, StringComparison.Ordinal);
        Assert.Equal(["/speak", "/withdraw reply"], withdrawn.Reply.Actions.Select(a => a.Command));
        var queue = await _harness.Expect("mex", "queue");
        Assert.Contains(queue.Reply.Facts, f => f is { Label: "Your place", Value: "#1 (right of reply)" });

        await _harness.Expect("mex", "withdraw reply");
        var again = await _harness.Refused("mex", "withdraw reply");
        Assert.Contains("no right of reply waiting", again.Text, StringComparison.Ordinal);
        var left = await _harness.Query(db => db.SpeakerEntries.AsNoTracking().Where(e => e.Status == EntryStatus.Withdrawn).Select(e => e.Kind).ToListAsync());
        Assert.Equal([RequestKind.Statement, RequestKind.Reply], left.Order());
    }

    [Fact]
    public async Task Queue_DelegationAlreadyOnTheList_OfferedWithdrawNotJoin()
    {
        await _harness.OpenAg1();
        await _harness.Delegate("mex", "Mexico");
        await _harness.Delegate("chl", "Chile");
        var spoke = await _harness.Expect("mex", "speak");

        var onList = await _harness.Expect("mex", "queue");
        var offList = await _harness.Expect("chl", "queue");

        Assert.Equal(["/withdraw", "/queue"], spoke.Reply.Actions.Select(a => a.Command));
        Assert.Equal(["/withdraw"], onList.Reply.Actions.Select(a => a.Command));
        Assert.Equal(["/speak"], offList.Reply.Actions.Select(a => a.Command));
    }

    [Fact]
    public async Task ListMove_MexicoAlreadyFirst_StaysMemberStateAheadOfChile()
    {
        await _harness.OpenAg1();
        await _harness.Expect("mod", "list add Mexico");
        await _harness.Expect("mod", "list add IOM");

        await _harness.Expect("mod", "list move Mexico 1");
        await _harness.Expect("mod", "list add Chile");

        var queue = await _harness.Expect("mod", "queue");
        Assert.Equal(["Mexico", "Chile", "International Organization for Migration"], queue.Reply.Items.Select(i => i.Label));
        Assert.Equal([Segment.Main, Segment.Main, Segment.Stakeholders], queue.Reply.Items.Select(i => i.Segment!.Value));
    }

    [Fact]
    public async Task Queue_SomeoneHasTheFloor_ShowsFloorFact()
    {
        await _harness.OpenAg1();
        await _harness.Expect("mod", "list add Mexico");
        await _harness.Expect("mod", "next");

        var queue = await _harness.Expect("mod", "queue");

        Assert.Contains(queue.Reply.Facts, f => f is { Label: "Floor", Value: "Mexico since 10:50:00 (2 min)" });
    }

    [Fact]
    public async Task SessionClose_WithSpeakerAndWaiting_EndsInterventionAndRefusesRequests()
    {
        await _harness.OpenAg1();
        await _harness.Delegate("mex", "Mexico");
        await _harness.Expect("mod", "list add Switzerland");
        await _harness.Expect("mod", "list add Netherlands");
        await _harness.Expect("mod", "next");
        _harness.Time.Advance(TimeSpan.FromMinutes(1));

        var closed = await _harness.Expect("mod", "session close");

        Assert.Contains("1 request(s) for the floor were not reached", closed.Reply.Text, StringComparison.Ordinal);
        Assert.Single(closed.Announcements);
        var session = await _harness.Session("AG1");
        Assert.Equal(SessionStatus.Closed, session.Status);
        Assert.False(session.ListOpen);
        Assert.Equal(MeetingHarness.Start + TimeSpan.FromMinutes(1), session.ClosedAt);
        Assert.Equal(MeetingHarness.Start + TimeSpan.FromMinutes(1), (await _harness.Interventions("AG1"))[0].EndedAt);
        await _harness.Refused("mex", "speak");
        await _harness.Refused("mod", "next");
        await _harness.Refused("mod", "session close AG1");
    }

    [Fact]
    public async Task ListMove_UntilTheKeysRunOutAndTheSegmentIsRenumbered_StoredOrderFollowsEveryMove()
    {
        await _harness.OpenAg1();
        await _harness.Expect("mod", "list add Mexico");
        await _harness.Expect("mod", "list add Switzerland");
        await _harness.Expect("mod", "list add Netherlands");

        // Each move halves the gap after Mexico: doubles run out after about fifty, and the segment is renumbered.
        string[] order = ["Mexico", "Switzerland", "Netherlands"];
        for (var i = 0; i < 70; i++)
        {
            var moved = order[2];
            await _harness.Expect("mod", $"list move {moved} 2");
            order = [order[0], moved, order[1]];
            var stored = await _harness.Query(db => db.SpeakerEntries.AsNoTracking().Where(e => e.Status == EntryStatus.Waiting)
                .OrderBy(e => e.SortKey).ThenBy(e => e.Id).Select(e => e.DelegationId).ToListAsync());
            var names = new List<string>();
            foreach (var id in stored)
            {
                names.Add((await _harness.Query(db => db.Delegations.AsNoTracking().SingleAsync(d => d.Id == id))).Name);
            }

            Assert.Equal(order, names);
        }
    }

    [Fact]
    public async Task Next_ReturningSpeaker_FirstTimeSpeakerGoesAhead()
    {
        await _harness.OpenAg1();
        await _harness.Expect("mod", "list add Mexico");
        await _harness.Expect("mod", "next");
        await _harness.Expect("mod", "list add Switzerland");
        await _harness.Expect("mod", "list add Mexico");

        var added = await _harness.Expect("mod", "list add Netherlands");

        Assert.Contains("#2 of 3", added.Reply.Text, StringComparison.Ordinal);
        var queue = await _harness.Expect("mod", "queue");
        Assert.Equal(["Switzerland", "Netherlands", "Mexico"], queue.Reply.Items.Select(i => i.Label));
        Assert.Contains("has spoken", queue.Reply.Items[2].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PointOfOrder_WhileOthersWait_HeardFirst()
    {
        await _harness.OpenAg1();
        await _harness.Delegate("mfa", "MFA");
        await _harness.Expect("mod", "list add Mexico");
        await _harness.Expect("mfa", "point-of-order");

        var next = await _harness.Expect("mod", "next");

        Assert.Contains("Migrant Forum in Asia", next.Reply.Text, StringComparison.Ordinal);
        Assert.Contains("point of order", next.Reply.Text, StringComparison.Ordinal);
        var intervention = (await _harness.Interventions("AG1"))[0];
        Assert.Equal(InterventionKind.PointOfOrder, intervention.Kind);
        Assert.Equal(60, intervention.AllottedSeconds);
    }

    [Fact]
    public async Task Next_TwelveMinutesBeforeConcludingRemarks_AdvisesStakeholderSegment()
    {
        await _harness.OpenAg1();
        await _harness.Expect("mod", "list add Mexico");
        await _harness.Expect("mod", "list add Switzerland");
        var early = await _harness.Expect("mod", "next");
        Assert.DoesNotContain(early.Reply.Facts, f => f.Label == "Advice");

        // 13:00 − 5 min concluding remarks − 4 × 2 min stakeholder slots = 12:47 local.
        _harness.Time.SetUtcNow(new DateTimeOffset(2017, 12, 5, 18, 47, 0, TimeSpan.Zero));
        var late = await _harness.Expect("mod", "next");

        Assert.Contains(late.Reply.Facts, f => f.Label == "Advice" && f.Value.Contains("`stakeholders`", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reply_DuringMainSegment_EndOfMemberStatesBeforeStakeholders()
    {
        await _harness.OpenAg1();
        await _harness.Delegate("mfa", "MFA");
        await _harness.Expect("mod", "list add Mexico");
        await _harness.Expect("mod", "list add IOM");
        await _harness.Expect("mod", "list add Switzerland");

        var reply = await _harness.Expect("mfa", "reply");

        Assert.Contains("asked for a right of reply: #3 of 4", reply.Reply.Text, StringComparison.Ordinal);
        var queue = await _harness.Expect("mod", "queue");
        Assert.Equal(["Mexico", "Switzerland", "Migrant Forum in Asia", "International Organization for Migration"], queue.Reply.Items.Select(i => i.Label));
        Assert.StartsWith("right of reply", queue.Reply.Items[2].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListMove_FromFormWithoutPosition_PoliteErrorAndNothingChanged()
    {
        await _harness.OpenAg1();
        await _harness.Expect("mod", "list add Mexico");

        var result = await _harness.Handle(new Inbound(MeetingHarness.Channel, MeetingHarness.RoomA, "mod", "Renamed Moderator")
        {
            CommandName = "list move",
            Fields = new Dictionary<string, string> { ["delegation"] = "Mexico" },
        });

        // Whatever went wrong, the rename done while loading the participant was rolled back.
        Assert.True(result!.Reply.IsError);
        Assert.Equal("mod", await _harness.Query(db => db.Participants.Where(p => p.ExternalId == "mod").Select(p => p.DisplayName).SingleAsync()));
        Assert.Contains("Missing <position>", result.Reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flex_FromFormInCapitals_TurnsOn()
    {
        await _harness.OpenAg1();

        var result = await _harness.Handle(new Inbound(MeetingHarness.Channel, MeetingHarness.RoomA, "mod", "mod")
        {
            CommandName = "flex",
            Fields = new Dictionary<string, string> { ["mode"] = "ON" },
        });

        Assert.False(result!.Reply.IsError, result.Reply.Text);
        Assert.True((await _harness.Session("AG1")).Flexible);
    }
}
