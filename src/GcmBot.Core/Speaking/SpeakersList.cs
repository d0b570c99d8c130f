using GcmBot.Core.Domain;

namespace GcmBot.Core.Speaking;

/// <summary>
/// The ordering rules of a speakers list over its waiting entries. Pure: callers load and persist entries.
/// Order: points of order (first come, first served), then the segment being heard, then the other one.
/// Inside a segment, entries sort by <see cref="SpeakerEntry.SortKey"/>, which placement sets once.
/// </summary>
public sealed class SpeakersList
{
    private readonly Session _session;
    private readonly List<SpeakerEntry> _waiting;
    private readonly IReadOnlyDictionary<int, int> _allowances;
    private readonly HashSet<SpeakerEntry> _changed = new(ReferenceEqualityComparer.Instance);

    /// <summary>The last order computed, and the segment being heard it was computed for; null once the list changes.</summary>
    private List<SpeakerEntry>? _ordered;
    private Segment _orderedFor;

    /// <param name="allowances">Per-delegation speaking time in seconds, set by the moderator for this session.</param>
    public SpeakersList(Session session, IEnumerable<SpeakerEntry> entries, IReadOnlyDictionary<int, int>? allowances = null)
    {
        _session = session;
        _allowances = allowances ?? new Dictionary<int, int>();
        _waiting = entries.Where(e => e.Status == EntryStatus.Waiting && e.SessionId == session.Id).ToList();
    }

    /// <summary>Entries that were on the list when it was loaded and that this list has changed since: the rows to write back.</summary>
    public IReadOnlyCollection<SpeakerEntry> Changed => _changed;

    public IReadOnlyList<SpeakerEntry> Ordered => OrderedList().AsReadOnly();

    public int PositionOf(SpeakerEntry entry) => OrderedList().IndexOf(entry) + 1;

    public SpeakerEntry? Find(int delegationId, RequestKind kind) =>
        _waiting.FirstOrDefault(e => e.DelegationId == delegationId && e.Kind == kind);

    public IEnumerable<SpeakerEntry> EntriesOf(int delegationId) => _waiting.Where(e => e.DelegationId == delegationId);

    /// <summary>
    /// Places a new request. Statements go to their category's segment; among Member States a delegation
    /// that has not spoken goes ahead of those that have. A reply goes to the end of the segment being heard.
    /// </summary>
    public SpeakerEntry Place(SpeakerEntry entry, Delegation delegation, bool firstTimeSpeakersFirst)
    {
        switch (entry.Kind)
        {
            case RequestKind.PointOfOrder:
                entry.Segment = Segment.PointOfOrder;
                entry.SortKey = LastKey(Segment.PointOfOrder) + 1;
                break;
            case RequestKind.Reply:
                entry.Segment = _session.CurrentSegment;
                entry.SortKey = LastKey(entry.Segment) + 1;
                break;
            default:
                entry.Segment = delegation.IsMemberState ? Segment.Main : Segment.Stakeholders;
                entry.SortKey = firstTimeSpeakersFirst && entry.Segment == Segment.Main && !entry.Returning
                    ? KeyBeforeFirstReturning()
                    : LastKey(entry.Segment) + 1;
                break;
        }

        _waiting.Add(entry);
        _ordered = null;
        return entry;
    }

    /// <summary>
    /// Moves an entry to a 1-based position in the whole list. It keeps its segment when that segment can hold the
    /// position (its own block, or either edge of it); it joins the other segment only when moved into that one's block.
    /// </summary>
    public void Move(SpeakerEntry entry, int position)
    {
        // Out of the list while its new key is chosen, so a renumbering cannot count it as a neighbour.
        _waiting.Remove(entry);
        _ordered = null;
        var others = OrderedList();
        var pointsOfOrder = others.Count(e => e.Segment == Segment.PointOfOrder);
        var index = entry.Segment == Segment.PointOfOrder
            ? Math.Clamp(position - 1, 0, pointsOfOrder)
            : Math.Clamp(position - 1, pointsOfOrder, others.Count);
        var before = index > 0 ? others[index - 1] : null;
        var after = index < others.Count ? others[index] : null;

        if (entry.Segment != Segment.PointOfOrder)
        {
            // Where the entry's own segment sits in the list; empty, it still has a place by its rank (the edge of the other).
            var blockStart = others.Count(e => Rank(e.Segment) < Rank(entry.Segment));
            var blockEnd = blockStart + others.Count(e => e.Segment == entry.Segment);
            if (index < blockStart || index > blockEnd)
            {
                entry.Segment = (index < blockStart ? after : before)!.Segment;
            }
        }

        var low = before?.Segment == entry.Segment ? before.SortKey : (double?)null;
        var high = after?.Segment == entry.Segment ? after.SortKey : (double?)null;
        entry.SortKey = Between(entry.Segment, low, high);
        _waiting.Add(entry);
        _ordered = null;
        _changed.Add(entry);
    }

    /// <summary>The entry to give the floor to next, or null when nobody is waiting.</summary>
    public SpeakerEntry? Peek()
    {
        var ordered = Ordered;
        return ordered.Count > 0 ? ordered[0] : null;
    }

    /// <summary>Takes an entry off the list: given the floor, withdrawn or removed.</summary>
    public void Leave(SpeakerEntry entry, EntryStatus status, DateTimeOffset at)
    {
        entry.Status = status;
        entry.LeftAt = at;
        _waiting.Remove(entry);
        _ordered = null;
        _changed.Add(entry);
    }

    /// <summary>
    /// When the list would end. Stakeholder slots nobody has asked for yet are kept only from the time the waiting
    /// speakers leave over: a slot that may never be used must not push out a delegation that is waiting.
    /// </summary>
    public QueueEstimate Estimate(DateTimeOffset now, TimeSpan currentRemaining, SpeakingRules rules)
    {
        var ordered = Ordered;
        var stakeholders = ordered.Count(e => e.Segment == Segment.Stakeholders);
        var statement = rules.StatementFor(_session.Flexible);
        var listTime = TimeSpan.FromTicks(ordered.Sum(e => AllotmentOf(e, rules).Ticks));
        var reserveSlots = _session.CurrentSegment == Segment.Main ? Math.Max(0, rules.StakeholderSlots - stakeholders) : 0;
        var start = now + (currentRemaining > TimeSpan.Zero ? currentRemaining : TimeSpan.Zero);
        var deadline = _session.EndsAt - rules.ConcludingRemarks;
        var available = deadline - start;
        var left = available - listTime;
        var reserve = TimeSpan.FromTicks(Math.Clamp((statement * reserveSlots).Ticks, 0, Math.Max(0, left.Ticks)));
        var end = start + listTime + reserve;

        var canBeHeard = 0;
        var used = TimeSpan.Zero;
        foreach (var entry in ordered)
        {
            used += AllotmentOf(entry, rules);
            if (used > available)
            {
                break;
            }

            canBeHeard++;
        }

        var advice = QueueAdvice.OnTime;
        if (end > deadline)
        {
            advice = QueueAdvice.CloseList;
        }
        else if (!_session.Flexible && ordered.Count > 0)
        {
            var flexibleEnd = start + (rules.FlexibleStatement * ordered.Count(e => e.Kind != RequestKind.PointOfOrder))
                + (rules.PointOfOrder * ordered.Count(e => e.Kind == RequestKind.PointOfOrder))
                + (rules.FlexibleStatement * reserveSlots);
            if (flexibleEnd <= deadline)
            {
                advice = QueueAdvice.AllowThreeMinutes;
            }
        }

        return new QueueEstimate(ordered.Count, stakeholders, reserve, statement * reserveSlots, end, _session.EndsAt, advice, canBeHeard);
    }

    public TimeSpan AllotmentOf(SpeakerEntry entry, SpeakingRules rules) =>
        entry.Kind == RequestKind.PointOfOrder ? rules.PointOfOrder
        : _allowances.TryGetValue(entry.DelegationId, out var seconds) ? TimeSpan.FromSeconds(seconds)
        : rules.StatementFor(_session.Flexible);

    /// <summary>
    /// Sorting a long list costs more than most commands' queries, and a reply asks for the order several times: it is
    /// kept until the list changes or another segment is heard. Entries not saved yet have no id to break ties with,
    /// so a list holding one is sorted afresh each time.
    /// </summary>
    private List<SpeakerEntry> OrderedList()
    {
        if (_ordered is not null && _orderedFor == _session.CurrentSegment)
        {
            return _ordered;
        }

        var ordered = _waiting.OrderBy(e => Rank(e.Segment)).ThenBy(e => e.SortKey).ThenBy(e => e.Id).ToList();
        (_ordered, _orderedFor) = ordered.Exists(e => e.Id == 0) ? (null, default) : (ordered, _session.CurrentSegment);
        return ordered;
    }

    private int Rank(Segment segment) => segment switch
    {
        Segment.PointOfOrder => 0,
        _ when segment == _session.CurrentSegment => 1,
        _ => 2,
    };

    private double LastKey(Segment segment) =>
        _waiting.Where(e => e.Segment == segment).Select(e => e.SortKey).DefaultIfEmpty(0).Max();

    private double KeyBeforeFirstReturning()
    {
        var main = _waiting.Where(e => e.Segment == Segment.Main).OrderBy(e => e.SortKey).ThenBy(e => e.Id).ToList();
        var firstReturning = main.FindIndex(e => e.Returning && e.Kind == RequestKind.Statement);
        if (firstReturning < 0)
        {
            return LastKey(Segment.Main) + 1;
        }

        var low = firstReturning > 0 ? main[firstReturning - 1].SortKey : (double?)null;
        return Between(Segment.Main, low, main[firstReturning].SortKey);
    }

    /// <summary>A key strictly between two neighbours; renumbers the segment when doubles run out of room.</summary>
    private double Between(Segment segment, double? low, double? high)
    {
        if (low is null && high is null)
        {
            return LastKey(segment) + 1;
        }

        if (low is null)
        {
            return high!.Value - 1;
        }

        if (high is null)
        {
            return low.Value + 1;
        }

        var middle = low.Value + ((high.Value - low.Value) / 2);
        if (middle > low.Value && middle < high.Value)
        {
            return middle;
        }

        var renumbered = _waiting.Where(e => e.Segment == segment).OrderBy(e => e.SortKey).ThenBy(e => e.Id).ToList();
        var lowIndex = renumbered.FindLastIndex(e => e.SortKey <= low.Value);
        for (var i = 0; i < renumbered.Count; i++)
        {
            renumbered[i].SortKey = (i + 1) * 2;
            _changed.Add(renumbered[i]);
        }

        _ordered = null;

        return ((lowIndex + 1) * 2) + 1;
    }
}
