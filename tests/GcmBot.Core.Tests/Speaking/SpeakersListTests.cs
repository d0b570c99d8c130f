using GcmBot.Core.Domain;
using GcmBot.Core.Speaking;

namespace GcmBot.Core.Tests.Speaking;

public sealed class SpeakersListTests
{
    private static readonly SpeakingRules _rules = new();

    [Theory]
    [InlineData(DelegationCategory.ObserverState)]
    [InlineData(DelegationCategory.UnSystem)]
    [InlineData(DelegationCategory.Intergovernmental)]
    [InlineData(DelegationCategory.Stakeholder)]
    public void Place_NonMemberStateBeforeMemberState_MemberStateHeardFirst(DelegationCategory category)
    {
        var scenario = new ListScenario();

        var other = scenario.Join("Other", category);
        scenario.Join("Mexico");

        Assert.Equal(["Mexico", "Other"], scenario.Names);
        Assert.Equal(Segment.Stakeholders, other.Segment);
    }

    [Fact]
    public void Place_MemberState_GoesToMainSegment()
    {
        var scenario = new ListScenario();

        var entry = scenario.Join("Mexico");

        Assert.Equal(Segment.Main, entry.Segment);
    }

    [Fact]
    public void Place_SeveralInEachSegment_ArrivalOrderWithinSegment()
    {
        var scenario = new ListScenario();

        scenario.Join("IOM", DelegationCategory.UnSystem);
        scenario.Join("Chad");
        scenario.Join("Holy See", DelegationCategory.ObserverState);
        scenario.Join("Cyprus");
        scenario.Join("EU", DelegationCategory.Intergovernmental);
        scenario.Join("Liberia");
        scenario.Join("MFA", DelegationCategory.Stakeholder);

        Assert.Equal(["Chad", "Cyprus", "Liberia", "IOM", "Holy See", "EU", "MFA"], scenario.Names);
    }

    [Fact]
    public void Place_FirstTimeSpeakerAfterReturningOnes_GoesAheadOfThem()
    {
        var scenario = new ListScenario();

        scenario.Join("Chad", returning: true);
        scenario.Join("Cyprus", returning: true);
        scenario.Join("Liberia");
        scenario.Join("Mexico");

        Assert.Equal(["Liberia", "Mexico", "Chad", "Cyprus"], scenario.Names);
    }

    [Fact]
    public void Place_FirstTimeSpeakersEnabled_FirstTimersBehindEarlierFirstTimers()
    {
        var scenario = new ListScenario();

        scenario.Join("Chad");
        scenario.Join("Cyprus", returning: true);
        scenario.Join("Liberia");

        Assert.Equal(["Chad", "Liberia", "Cyprus"], scenario.Names);
    }

    [Fact]
    public void Place_FirstTimeSpeakersDisabled_ArrivalOrderOnly()
    {
        var scenario = new ListScenario(firstTimeSpeakersFirst: false);

        scenario.Join("Chad", returning: true);
        scenario.Join("Cyprus", returning: true);
        scenario.Join("Liberia");

        Assert.Equal(["Chad", "Cyprus", "Liberia"], scenario.Names);
    }

    [Fact]
    public void Place_ReturningStakeholder_StakeholdersKeepArrivalOrder()
    {
        var scenario = new ListScenario();

        scenario.Join("IOM", DelegationCategory.UnSystem, returning: true);
        scenario.Join("MFA", DelegationCategory.Stakeholder);

        Assert.Equal(["IOM", "MFA"], scenario.Names);
    }

    [Fact]
    public void Place_PointOfOrder_AheadOfEveryone()
    {
        var scenario = new ListScenario();
        scenario.Join("Chad");
        scenario.Join("IOM", DelegationCategory.UnSystem);

        var point = scenario.Join("MFA", DelegationCategory.Stakeholder, RequestKind.PointOfOrder);

        Assert.Equal(["MFA", "Chad", "IOM"], scenario.Names);
        Assert.Equal(Segment.PointOfOrder, point.Segment);
        Assert.Same(point, scenario.List.Peek());
    }

    [Fact]
    public void Place_SeveralPointsOfOrder_FirstComeFirstServed()
    {
        var scenario = new ListScenario();
        scenario.Join("Chad");

        scenario.Join("Cyprus", kind: RequestKind.PointOfOrder);
        scenario.Join("IOM", DelegationCategory.UnSystem, RequestKind.PointOfOrder);
        scenario.Join("Liberia", kind: RequestKind.PointOfOrder);

        Assert.Equal(["Cyprus", "IOM", "Liberia", "Chad"], scenario.Names);
    }

    [Fact]
    public void Place_ReplyDuringMainSegment_EndOfMainBeforeStakeholders()
    {
        var scenario = new ListScenario();
        scenario.Join("Chad");
        scenario.Join("IOM", DelegationCategory.UnSystem);
        scenario.Join("Cyprus");

        var reply = scenario.Join("MFA", DelegationCategory.Stakeholder, RequestKind.Reply);

        Assert.Equal(["Chad", "Cyprus", "MFA", "IOM"], scenario.Names);
        Assert.Equal(Segment.Main, reply.Segment);
    }

    [Fact]
    public void Place_ReplyDuringStakeholderSegment_EndOfStakeholderSegment()
    {
        var scenario = new ListScenario();
        scenario.Join("Chad");
        scenario.Join("IOM", DelegationCategory.UnSystem);
        scenario.Session.CurrentSegment = Segment.Stakeholders;

        var reply = scenario.Join("Cyprus", kind: RequestKind.Reply);
        scenario.Join("MFA", DelegationCategory.Stakeholder);

        Assert.Equal(Segment.Stakeholders, reply.Segment);
        Assert.Equal(["IOM", "Cyprus", "MFA", "Chad"], scenario.Names);
    }

    [Fact]
    public void Ordered_StakeholderSegmentStarted_StakeholdersBeforeRemainingMemberStates()
    {
        var scenario = new ListScenario();
        scenario.Join("Chad");
        scenario.Join("Cyprus");
        scenario.Join("IOM", DelegationCategory.UnSystem);
        scenario.Join("MFA", DelegationCategory.Stakeholder);
        scenario.Join("Liberia", kind: RequestKind.PointOfOrder);

        scenario.Session.CurrentSegment = Segment.Stakeholders;

        Assert.Equal(["Liberia", "IOM", "MFA", "Chad", "Cyprus"], scenario.Names);
    }

    [Fact]
    public void Find_SameDelegationDifferentKinds_FindsEachKind()
    {
        var scenario = new ListScenario();
        var statement = scenario.Join("Chad");
        var point = scenario.Join("Chad", kind: RequestKind.PointOfOrder);

        Assert.Same(statement, scenario.List.Find(scenario.Delegation("Chad").Id, RequestKind.Statement));
        Assert.Same(point, scenario.List.Find(scenario.Delegation("Chad").Id, RequestKind.PointOfOrder));
        Assert.Null(scenario.List.Find(scenario.Delegation("Chad").Id, RequestKind.Reply));
        Assert.Equal(2, scenario.List.EntriesOf(scenario.Delegation("Chad").Id).Count());
    }

    [Fact]
    public void Constructor_EntriesOfOtherSessionsOrNotWaiting_Ignored()
    {
        var session = new ListScenario().Session;
        var entries = new[]
        {
            new SpeakerEntry { Id = 1, SessionId = session.Id, DelegationId = 1, Segment = Segment.Main, SortKey = 1 },
            new SpeakerEntry { Id = 2, SessionId = session.Id + 1, DelegationId = 2, Segment = Segment.Main, SortKey = 2 },
            new SpeakerEntry { Id = 3, SessionId = session.Id, DelegationId = 3, Segment = Segment.Main, SortKey = 3, Status = EntryStatus.GivenFloor },
            new SpeakerEntry { Id = 4, SessionId = session.Id, DelegationId = 4, Segment = Segment.Main, SortKey = 4, Status = EntryStatus.Withdrawn },
        };

        var list = new SpeakersList(session, entries);

        Assert.Equal([1L], list.Ordered.Select(e => e.Id));
    }

    [Fact]
    public void Move_ToPositionOne_BecomesNext()
    {
        var scenario = ThreeAndOne();

        scenario.List.Move(scenario.Entry("Liberia"), 1);

        Assert.Equal(["Liberia", "Chad", "Cyprus", "IOM"], scenario.Names);
        Assert.Equal(1, scenario.List.PositionOf(scenario.Entry("Liberia")));
    }

    [Fact]
    public void Move_PastTheEnd_LastAndJoinsStakeholderSegment()
    {
        var scenario = ThreeAndOne();

        scenario.List.Move(scenario.Entry("Chad"), 99);

        Assert.Equal(["Cyprus", "Liberia", "IOM", "Chad"], scenario.Names);
        Assert.Equal(Segment.Stakeholders, scenario.Entry("Chad").Segment);
    }

    [Fact]
    public void Move_ToEndOfMainSegment_StaysMemberState()
    {
        var scenario = ThreeAndOne();

        scenario.List.Move(scenario.Entry("Chad"), 3);

        Assert.Equal(["Cyprus", "Liberia", "Chad", "IOM"], scenario.Names);
        Assert.Equal(Segment.Main, scenario.Entry("Chad").Segment);
    }

    [Fact]
    public void Move_StakeholderIntoMainSegment_JoinsMainSegment()
    {
        var scenario = ThreeAndOne();

        scenario.List.Move(scenario.Entry("IOM"), 2);

        Assert.Equal(["Chad", "IOM", "Cyprus", "Liberia"], scenario.Names);
        Assert.Equal(Segment.Main, scenario.Entry("IOM").Segment);
    }

    [Fact]
    public void Move_OnlyMemberStateToWhereItIs_StaysMemberStateAheadOfLaterOnes()
    {
        var scenario = new ListScenario();
        scenario.Join("Mexico");
        scenario.Join("IOM", DelegationCategory.UnSystem);

        scenario.List.Move(scenario.Entry("Mexico"), 1);
        scenario.Join("Chile");

        Assert.Equal(Segment.Main, scenario.Entry("Mexico").Segment);
        Assert.Equal(["Mexico", "Chile", "IOM"], scenario.Names);
    }

    [Fact]
    public void Move_StakeholderToPositionOne_JoinsMainSegmentFirst()
    {
        var scenario = ThreeAndOne();

        scenario.List.Move(scenario.Entry("IOM"), 1);

        Assert.Equal(["IOM", "Chad", "Cyprus", "Liberia"], scenario.Names);
        Assert.Equal(Segment.Main, scenario.Entry("IOM").Segment);
    }

    [Fact]
    public void Move_StakeholderToTheEndOfTheMemberStates_StaysStakeholder()
    {
        var scenario = ThreeAndOne();
        scenario.Join("MFA", DelegationCategory.Stakeholder);

        scenario.List.Move(scenario.Entry("MFA"), 4);

        Assert.Equal(["Chad", "Cyprus", "Liberia", "MFA", "IOM"], scenario.Names);
        Assert.Equal(Segment.Stakeholders, scenario.Entry("MFA").Segment);
    }

    [Fact]
    public void Move_ToPositionOneWithPointsOfOrder_ClampedBehindPointsOfOrder()
    {
        var scenario = ThreeAndOne();
        scenario.Join("MFA", DelegationCategory.Stakeholder, RequestKind.PointOfOrder);
        scenario.Join("Mexico", kind: RequestKind.PointOfOrder);

        scenario.List.Move(scenario.Entry("Liberia"), 1);

        Assert.Equal(["MFA", "Mexico", "Liberia", "Chad", "Cyprus", "IOM"], scenario.Names);
        Assert.Equal(Segment.Main, scenario.Entry("Liberia").Segment);
    }

    [Fact]
    public void Move_PointOfOrderPastStatements_StaysAmongPointsOfOrder()
    {
        var scenario = ThreeAndOne();
        scenario.Join("MFA", DelegationCategory.Stakeholder, RequestKind.PointOfOrder);
        scenario.Join("Mexico", kind: RequestKind.PointOfOrder);

        scenario.List.Move(scenario.Entry("MFA", RequestKind.PointOfOrder), 5);

        Assert.Equal(["Mexico", "MFA", "Chad", "Cyprus", "Liberia", "IOM"], scenario.Names);
        Assert.Equal(Segment.PointOfOrder, scenario.Entry("MFA", RequestKind.PointOfOrder).Segment);
    }

    [Fact]
    public void Move_RepeatedlyToTheSameSpot_RenumbersAndKeepsTotalOrder()
    {
        var scenario = new ListScenario();
        List<string> expected = ["A", "B", "C", "D", "E", "F"];
        foreach (var name in expected)
        {
            scenario.Join(name);
        }

        // Each move halves the gap after the first key; doubles run out after about fifty.
        for (var round = 0; round < 200; round++)
        {
            var mover = expected[^1];
            scenario.List.Move(scenario.Entry(mover), 2);
            expected.RemoveAt(expected.Count - 1);
            expected.Insert(1, mover);

            Assert.Equal(expected, scenario.Names);
            var keys = scenario.List.Ordered.Select(e => e.SortKey).ToList();
            Assert.Equal(keys.Count, keys.Distinct().Count());
            Assert.True(keys.SequenceEqual(keys.Order()), $"keys out of order after round {round}: {string.Join(", ", keys)}");
        }
    }

    [Fact]
    public void Place_ManyFirstTimersBeforeAReturningSpeaker_RenumbersAndKeepsArrivalOrder()
    {
        var scenario = new ListScenario();
        scenario.Join("Returning", returning: true);
        var expected = new List<string>();
        for (var i = 0; i < 80; i++)
        {
            var name = $"New{i:00}";
            scenario.Join(name);
            expected.Add(name);
        }

        expected.Add("Returning");
        Assert.Equal(expected, scenario.Names);
    }

    [Fact]
    public void Remove_Peeked_NextOneIsPeeked()
    {
        var scenario = ThreeAndOne();

        scenario.List.Leave(scenario.List.Peek()!, EntryStatus.GivenFloor, DateTimeOffset.UnixEpoch);

        Assert.Equal("Cyprus", scenario.NameOf(scenario.List.Peek()!));
    }

    [Fact]
    public void Peek_Empty_Null()
    {
        Assert.Null(new ListScenario().List.Peek());
    }

    [Fact]
    public void Estimate_ManyWaitingWithFourStakeholders_OnTimeWithoutReserve()
    {
        var scenario = new ListScenario();
        for (var i = 0; i < 20; i++)
        {
            scenario.Join($"State{i}");
        }

        for (var i = 0; i < 4; i++)
        {
            scenario.Join($"Stakeholder{i}", DelegationCategory.Stakeholder);
        }

        var now = At(12, 0);
        var estimate = scenario.List.Estimate(now, TimeSpan.Zero, _rules);

        Assert.Equal(QueueAdvice.OnTime, estimate.Advice);
        Assert.Equal(24, estimate.Waiting);
        Assert.Equal(4, estimate.StakeholdersWaiting);
        Assert.Equal(TimeSpan.Zero, estimate.StakeholderReserve);
        Assert.Equal(now + TimeSpan.FromMinutes(48), estimate.EstimatedEnd);
        Assert.Equal(ListScenario.SessionEnd, estimate.SessionEnd);
        Assert.Equal(24, estimate.CanStillBeHeard);
    }

    [Fact]
    public void Estimate_FewWaiting_AllowThreeMinutesAndReservesStakeholderSlots()
    {
        var scenario = new ListScenario();
        scenario.Join("Chad");
        scenario.Join("Cyprus");
        scenario.Join("Liberia");

        var now = At(12, 0);
        var estimate = scenario.List.Estimate(now, TimeSpan.Zero, _rules);

        Assert.Equal(QueueAdvice.AllowThreeMinutes, estimate.Advice);
        Assert.Equal(TimeSpan.FromMinutes(8), estimate.StakeholderReserve);
        Assert.Equal(now + TimeSpan.FromMinutes(6 + 8), estimate.EstimatedEnd);
    }

    [Fact]
    public void Estimate_AlreadyFlexible_NoThreeMinuteAdvice()
    {
        var scenario = new ListScenario();
        scenario.Session.Flexible = true;
        scenario.Join("Chad");

        var estimate = scenario.List.Estimate(At(12, 0), TimeSpan.Zero, _rules);

        Assert.Equal(QueueAdvice.OnTime, estimate.Advice);
        Assert.Equal(TimeSpan.FromMinutes(3 * 4), estimate.StakeholderReserve);
    }

    [Fact]
    public void Estimate_ListTooLong_CloseListWithHowManyCanBeHeard()
    {
        var scenario = new ListScenario();
        for (var i = 0; i < 10; i++)
        {
            scenario.Join($"State{i}");
        }

        // 15 minutes to the concluding remarks: seven statements fit; no time is held back for stakeholders nobody named.
        var estimate = scenario.List.Estimate(At(12, 40), TimeSpan.Zero, _rules);

        Assert.Equal(QueueAdvice.CloseList, estimate.Advice);
        Assert.Equal(7, estimate.CanStillBeHeard);
        Assert.Equal(10, estimate.Waiting);
        Assert.Equal(TimeSpan.Zero, estimate.StakeholderReserve);
    }

    [Fact]
    public void Estimate_TwoMemberStatesAt1247NoStakeholder_BothHeardAndOnlyTheTimeLeftReserved()
    {
        var scenario = new ListScenario();
        scenario.Join("Mexico");
        scenario.Join("Chile");

        // 8 minutes to the concluding remarks: 4 for the two statements, the other 4 kept for stakeholder slots.
        var estimate = scenario.List.Estimate(At(12, 47), TimeSpan.Zero, _rules);

        Assert.Equal(2, estimate.CanStillBeHeard);
        Assert.NotEqual(QueueAdvice.CloseList, estimate.Advice);
        Assert.Equal(TimeSpan.FromMinutes(4), estimate.StakeholderReserve);
        Assert.Equal(TimeSpan.FromMinutes(8), estimate.StakeholderReserveWanted);
        Assert.Equal(At(12, 55), estimate.EstimatedEnd);
    }

    [Fact]
    public void Estimate_CurrentSpeakerStillTalking_StartsAfterThem()
    {
        var scenario = new ListScenario();
        scenario.Join("Chad");

        var now = At(12, 0);
        var estimate = scenario.List.Estimate(now, TimeSpan.FromSeconds(90), _rules);

        Assert.Equal(now + TimeSpan.FromSeconds(90) + TimeSpan.FromMinutes(2 + 8), estimate.EstimatedEnd);
    }

    [Fact]
    public void Estimate_EndsExactlyAtConcludingRemarks_NotClosed()
    {
        var scenario = new ListScenario();
        for (var i = 0; i < 4; i++)
        {
            scenario.Join($"Stakeholder{i}", DelegationCategory.Stakeholder);
        }

        // 12:47 + 4 × 2 min = 12:55, the start of the concluding remarks.
        var estimate = scenario.List.Estimate(At(12, 47), TimeSpan.Zero, _rules);

        Assert.Equal(QueueAdvice.OnTime, estimate.Advice);
        Assert.Equal(4, estimate.CanStillBeHeard);
    }

    [Theory]
    [InlineData(0, 8)]
    [InlineData(1, 6)]
    [InlineData(3, 2)]
    [InlineData(4, 0)]
    [InlineData(6, 0)]
    public void Estimate_MainSegment_ReserveIsMissingStakeholderSlots(int stakeholders, int reserveMinutes)
    {
        var scenario = new ListScenario();
        scenario.Join("Chad");
        for (var i = 0; i < stakeholders; i++)
        {
            scenario.Join($"Stakeholder{i}", DelegationCategory.Stakeholder);
        }

        var estimate = scenario.List.Estimate(At(11, 0), TimeSpan.Zero, _rules);

        Assert.Equal(TimeSpan.FromMinutes(reserveMinutes), estimate.StakeholderReserve);
        Assert.Equal(stakeholders, estimate.StakeholdersWaiting);
    }

    [Fact]
    public void Estimate_StakeholderSegmentRunning_NoReserve()
    {
        var scenario = new ListScenario();
        scenario.Join("Chad");
        scenario.Session.CurrentSegment = Segment.Stakeholders;

        var estimate = scenario.List.Estimate(At(12, 0), TimeSpan.Zero, _rules);

        Assert.Equal(TimeSpan.Zero, estimate.StakeholderReserve);
    }

    [Fact]
    public void Estimate_PointsOfOrder_CountOneMinute()
    {
        var scenario = new ListScenario();
        scenario.Join("Chad", kind: RequestKind.PointOfOrder);
        scenario.Session.CurrentSegment = Segment.Stakeholders;

        var now = At(12, 0);
        var estimate = scenario.List.Estimate(now, TimeSpan.Zero, _rules);

        Assert.Equal(now + TimeSpan.FromMinutes(1), estimate.EstimatedEnd);
    }

    [Fact]
    public void AllotmentOf_FlexibleSession_ThreeMinutesForStatementsOneForPointsOfOrder()
    {
        var scenario = new ListScenario();
        scenario.Session.Flexible = true;
        var statement = scenario.Join("Chad");
        var point = scenario.Join("Cyprus", kind: RequestKind.PointOfOrder);

        Assert.Equal(TimeSpan.FromMinutes(3), scenario.List.AllotmentOf(statement, _rules));
        Assert.Equal(TimeSpan.FromMinutes(1), scenario.List.AllotmentOf(point, _rules));
    }

    private static ListScenario ThreeAndOne()
    {
        var scenario = new ListScenario();
        scenario.Join("Chad");
        scenario.Join("Cyprus");
        scenario.Join("IOM", DelegationCategory.UnSystem);
        scenario.Join("Liberia");
        return scenario;
    }

    /// <summary>A UTC time on the session's day; the sample session ends at 19:00 UTC, so 12:55 is read as 18:55 UTC.</summary>
    private static DateTimeOffset At(int hour, int minute) =>
        ListScenario.SessionEnd - TimeSpan.FromHours(13) + new TimeSpan(hour, minute, 0);
}
