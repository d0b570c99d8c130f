using FsCheck.Xunit;
using GcmBot.Core.Domain;

namespace GcmBot.Core.Tests.Speaking;

public sealed class SpeakersListJoinPropertyTests
{
    /// <summary>Joins only: every Member State statement is in Main, every other statement in Stakeholders, and arrival order holds per segment.</summary>
    [Property(MaxTest = 300)]
    public bool Place_RandomJoins_SegmentByCategoryAndArrivalOrder(byte[] joins)
    {
        var scenario = new ListScenario(firstTimeSpeakersFirst: false);
        foreach (var join in joins ?? [])
        {
            var index = join % 16;
            var category = (DelegationCategory)(index % 5);
            var delegation = scenario.Delegation($"D{index}", category);
            if (scenario.List.Find(delegation.Id, RequestKind.Statement) is null)
            {
                scenario.Join(delegation.Name, category);
            }
        }

        var ordered = scenario.List.Ordered;
        var rightSegment = ordered.All(e =>
            e.Segment == (scenario.Delegation(scenario.NameOf(e)).IsMemberState ? Segment.Main : Segment.Stakeholders));
        var arrival = ordered.GroupBy(e => e.Segment).All(g => g.Select(e => e.Id).SequenceEqual(g.Select(e => e.Id).Order()));
        return rightSegment && arrival && ordered.Count == ordered.Select(e => e.DelegationId).Distinct().Count();
    }
}
