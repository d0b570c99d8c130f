using FsCheck.Xunit;
using GcmBot.Core.Domain;
using GcmBot.Core.Speaking;

namespace GcmBot.Core.Tests.Speaking;

public sealed class SpeakersListPropertyTests
{
    private static readonly DelegationCategory[] _categories = Enum.GetValues<DelegationCategory>();
    private static readonly RequestKind[] _kinds = Enum.GetValues<RequestKind>();

    /// <summary>
    /// Each operation byte is decoded as: a join by one of twelve delegations with a kind (most), a move
    /// of a random entry to a random place, giving the floor to the first, or the start of the stakeholder segment.
    /// The handler refuses a second waiting place of the same kind with <see cref="SpeakersList.Find"/>; so does this driver.
    /// </summary>
    [Property(MaxTest = 300)]
    public bool Ordered_RandomJoinsAndMoves_PointsOfOrderThenCurrentSegmentThenOther(byte[] operations, bool firstTimeSpeakersFirst)
    {
        var scenario = new ListScenario(firstTimeSpeakersFirst);
        var moved = false;
        foreach (var operation in operations ?? [])
        {
            var delegationIndex = operation % 12;
            var name = $"D{delegationIndex}";
            var category = _categories[delegationIndex % _categories.Length];
            switch (operation / 12 % 8)
            {
                case 5 when scenario.List.Ordered.Count > 0:
                    var ordered = scenario.List.Ordered;
                    scenario.List.Move(ordered[operation % ordered.Count], (operation % (ordered.Count + 2)) + 1);
                    moved = true;
                    break;
                case 6 when scenario.List.Peek() is { } first:
                    scenario.List.Leave(first, EntryStatus.GivenFloor, first.RequestedAt);
                    break;
                case 7:
                    scenario.Session.CurrentSegment = Segment.Stakeholders;
                    break;
                default:
                    var kind = _kinds[operation % _kinds.Length];
                    if (scenario.List.Find(scenario.Delegation(name, category).Id, kind) is null)
                    {
                        scenario.Join(name, category, kind, returning: operation % 5 == 0);
                    }

                    break;
            }

            if (!Holds(scenario, moved))
            {
                return false;
            }
        }

        return Holds(scenario, moved);
    }

    /// <summary>Points of order are first come, first served unless the moderator moved one.</summary>
    private static bool Holds(ListScenario scenario, bool moved)
    {
        var ordered = scenario.List.Ordered;
        var current = scenario.Session.CurrentSegment;
        var other = current == Segment.Main ? Segment.Stakeholders : Segment.Main;
        var ranks = ordered.Select(e => e.Segment == Segment.PointOfOrder ? 0 : e.Segment == current ? 1 : e.Segment == other ? 2 : 9).ToList();
        var grouped = ranks.SequenceEqual(ranks.Order()) && !ranks.Contains(9);
        var unique = ordered.GroupBy(e => (e.DelegationId, e.Kind)).All(g => g.Count() == 1);
        var pointsOfOrderFifo = moved || ordered.Where(e => e.Segment == Segment.PointOfOrder).Select(e => e.Id).SequenceEqual(
            ordered.Where(e => e.Segment == Segment.PointOfOrder).Select(e => e.Id).Order());
        var kindsInRightSegment = ordered.All(e => (e.Kind == RequestKind.PointOfOrder) == (e.Segment == Segment.PointOfOrder));
        var keysDistinct = ordered.GroupBy(e => e.Segment).All(g => g.Select(e => e.SortKey).Distinct().Count() == g.Count());
        return grouped && unique && pointsOfOrderFifo && kindsInRightSegment && keysDistinct;
    }
}
