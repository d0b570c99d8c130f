using GcmBot.Core.Domain;
using GcmBot.Core.Speaking;

namespace GcmBot.Core.Tests.Speaking;

/// <summary>Builds a speakers list by hand, with entry ids increasing in arrival order as the database gives them.</summary>
internal sealed class ListScenario
{
    public static readonly DateTimeOffset SessionStart = new(2017, 12, 5, 16, 45, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset SessionEnd = new(2017, 12, 5, 19, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, Delegation> _delegations = new(StringComparer.Ordinal);
    private long _nextEntryId = 1;

    public ListScenario(bool firstTimeSpeakersFirst = true)
    {
        FirstTimeSpeakersFirst = firstTimeSpeakersFirst;
        Session = new Session
        {
            Id = 7,
            Code = "AG1",
            Title = "Action group 1",
            Room = "Room A",
            Status = SessionStatus.Open,
            ListOpen = true,
            StartsAt = SessionStart,
            EndsAt = SessionEnd,
        };
        List = new SpeakersList(Session, []);
    }

    public bool FirstTimeSpeakersFirst { get; set; }

    public Session Session { get; }

    public SpeakersList List { get; }

    public IReadOnlyList<string> Names => [.. List.Ordered.Select(NameOf)];

    public SpeakerEntry Join(string name, DelegationCategory category = DelegationCategory.MemberState, RequestKind kind = RequestKind.Statement, bool returning = false)
    {
        var delegation = Delegation(name, category);
        var entry = new SpeakerEntry
        {
            Id = _nextEntryId++,
            SessionId = Session.Id,
            DelegationId = delegation.Id,
            Kind = kind,
            Returning = returning,
            Status = EntryStatus.Waiting,
            RequestedAt = SessionStart,
        };
        return List.Place(entry, delegation, FirstTimeSpeakersFirst);
    }

    public SpeakerEntry Entry(string name, RequestKind kind = RequestKind.Statement) =>
        List.Find(_delegations[name].Id, kind) ?? throw new InvalidOperationException($"{name} is not waiting.");

    public string NameOf(SpeakerEntry entry) => _delegations.Values.Single(d => d.Id == entry.DelegationId).Name;

    public Delegation Delegation(string name, DelegationCategory category = DelegationCategory.MemberState)
    {
        if (!_delegations.TryGetValue(name, out var delegation))
        {
            delegation = new Delegation { Id = _delegations.Count + 1, MeetingId = 1, Name = name, Category = category };
            _delegations[name] = delegation;
        }

        return delegation;
    }
}
