using System.Globalization;
using GcmBot.Core.Domain;

namespace GcmBot.Core.Statistics;

/// <summary>Pure computation of the meeting's statistics from what was recorded: no clock, no store.</summary>
public static class StatisticsCalculator
{
    public static MeetingStatistics Compute(MeetingRecord record)
    {
        var meeting = record.Meeting;
        var delegations = record.Delegations.ToDictionary(d => d.Id);
        var sessionIds = record.Sessions.Select(s => s.Id).ToHashSet();
        var interventions = record.Activity.Interventions.Where(i => sessionIds.Contains(i.SessionId)).ToList();
        var requests = record.Activity.Requests.Where(r => sessionIds.Contains(r.SessionId)).ToList();
        var cards = record.Activity.Cards.Where(c => sessionIds.Contains(c.SessionId) && !c.IsWithdrawn).ToList();
        var contributions = record.Activity.Contributions.Where(c => sessionIds.Contains(c.SessionId) && c.DeletedAt is null).ToList();
        var spoken = interventions.Where(i => i.DelegationId is not null).ToList();
        var completed = spoken.Where(i => i.EndedAt is not null).ToList();
        var notReached = NotReached(record, requests, spoken, delegations);

        // Who took part, per session: held or asked for the floor, wrote a card, or contributed in the chat.
        var tookPart = record.Sessions.ToDictionary(s => s.Id, s => TookPart(s.Id, interventions, requests, cards, contributions));
        var all = tookPart.Values.SelectMany(ids => ids).Where(delegations.ContainsKey).ToHashSet();
        int Count(IEnumerable<int> ids, DelegationCategory category) => ids.Count(id => delegations.TryGetValue(id, out var d) && d.Category == category);
        var memberStatesPerSession = tookPart.Values.Where(ids => ids.Count > 0).Select(ids => Count(ids, DelegationCategory.MemberState)).ToList();

        var figures = new StatisticsFigures(
            record.Sessions.Count(s => s.Kind != SessionKind.Break),
            all.Count,
            Count(all, DelegationCategory.MemberState),
            Count(all, DelegationCategory.Stakeholder),
            record.Participants.Count(p => p.DelegationId is { } id && delegations.ContainsKey(id)),
            ActiveParticipants(requests, cards, contributions).Count,
            spoken.Count,
            Sum(completed.Select(i => i.Actual!.Value)),
            interventions.Count(i => i.DelegationId is null),
            interventions.Count(i => i.Kind == InterventionKind.Panellist),
            cards.Count,
            contributions.Count,
            memberStatesPerSession.Count == 0 ? 0 : Math.Round(memberStatesPerSession.Average(), 1));

        var categories = Enum.GetValues<DelegationCategory>().Select(category => new CategoryStatistics(
            CategoryNames.Token(category),
            Plural(category),
            Count(all, category),
            spoken.Count(i => delegations[i.DelegationId!.Value].Category == category),
            Sum(completed.Where(i => delegations[i.DelegationId!.Value].Category == category).Select(i => i.Actual!.Value)),
            cards.Count(c => delegations[c.DelegationId].Category == category))).ToList();

        var perDelegation = all.Select(id => delegations[id]).Select(d => new DelegationStatistics(
                d.Name,
                CategoryNames.Display(d.Category),
                spoken.Count(i => i.DelegationId == d.Id),
                Sum(completed.Where(i => i.DelegationId == d.Id).Select(i => i.Actual!.Value)),
                Sum(completed.Where(i => i.DelegationId == d.Id).Select(i => i.Allotted)),
                requests.Count(r => r.DelegationId == d.Id),
                notReached.Count(n => n.DelegationId == d.Id),
                cards.Count(c => c.DelegationId == d.Id),
                contributions.Count(c => c.DelegationId == d.Id)))
            .OrderByDescending(d => d.SpeakingTime).ThenByDescending(d => d.Interventions).ThenBy(d => d.Name, StringComparer.Ordinal)
            .ToList();

        var sessions = record.Sessions.OrderBy(s => s.StartsAt).ThenBy(s => s.Room, StringComparer.Ordinal).ToList();
        var times = sessions
            .Where(s => interventions.Any(i => i.SessionId == s.Id))
            .Select(s =>
            {
                var done = interventions.Where(i => i.SessionId == s.Id && i.EndedAt is not null).ToList();
                return new SessionTime(s.Code, s.Dimension ?? s.Title, done.Count, Sum(done.Select(i => i.Actual!.Value)), Sum(done.Select(i => i.Allotted)));
            }).ToList();

        var cardsBySession = sessions
            .Where(s => s.Kind == SessionKind.ActionGroup || cards.Any(c => c.SessionId == s.Id))
            .Select(s => new SessionCards(s.Code, s.Dimension ?? s.Title, cards.Count(c => c.SessionId == s.Id), cards.Where(c => c.SessionId == s.Id).Select(c => c.DelegationId).Distinct().Count()))
            .ToList();

        var days = sessions.GroupBy(s => s.Day).OrderBy(g => g.Key).Select(day =>
        {
            var ids = day.Select(s => s.Id).ToHashSet();
            var present = day.SelectMany(s => tookPart[s.Id]).Where(delegations.ContainsKey).ToHashSet();
            return new DayParticipation(
                day.Key,
                meeting.ToLocal(day.Min(s => s.StartsAt)).ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture),
                present.Count,
                Count(present, DelegationCategory.MemberState),
                Count(present, DelegationCategory.Stakeholder),
                ActiveParticipants(
                    requests.Where(r => ids.Contains(r.SessionId)),
                    cards.Where(c => ids.Contains(c.SessionId)),
                    contributions.Where(c => ids.Contains(c.SessionId))).Count,
                spoken.Count(i => ids.Contains(i.SessionId)),
                cards.Count(c => ids.Contains(c.SessionId)),
                contributions.Count(c => ids.Contains(c.SessionId)));
        }).ToList();

        var unreached = notReached.Select(n => n.Row).ToList();
        return new MeetingStatistics(record.Scope, figures, categories, perDelegation, times, unreached, cardsBySession, days);
    }

    /// <summary>The plural heading of a category, as in the concept note's Table 1.</summary>
    public static string Plural(DelegationCategory category) => category switch
    {
        DelegationCategory.MemberState => "Member States",
        DelegationCategory.ObserverState => "Observer States",
        DelegationCategory.UnSystem => "UN system",
        DelegationCategory.Intergovernmental => "Intergovernmental organisations",
        _ => "Non-governmental stakeholders",
    };

    private static HashSet<int> TookPart(int sessionId, List<Intervention> interventions, List<SpeakerEntry> requests, List<Card> cards, List<Contribution> contributions) =>
    [
        .. interventions.Where(i => i.SessionId == sessionId && i.DelegationId is not null).Select(i => i.DelegationId!.Value),
        .. requests.Where(r => r.SessionId == sessionId).Select(r => r.DelegationId),
        .. cards.Where(c => c.SessionId == sessionId).Select(c => c.DelegationId),
        .. contributions.Where(c => c.SessionId == sessionId && c.DelegationId is not null).Select(c => c.DelegationId!.Value),
    ];

    private static HashSet<int> ActiveParticipants(IEnumerable<SpeakerEntry> requests, IEnumerable<Card> cards, IEnumerable<Contribution> contributions) =>
        [.. requests.Select(r => r.RequestedByParticipantId), .. cards.Select(c => c.SubmittedByParticipantId), .. contributions.Select(c => c.ParticipantId)];

    /// <summary>
    /// Per session and delegation, its last request: still waiting, or removed, means it was not reached, unless the
    /// delegation held the floor in that session (it was reached; a second request left over does not undo that).
    /// </summary>
    private static List<(int DelegationId, UnreachedRequest Row)> NotReached(MeetingRecord record, List<SpeakerEntry> requests, List<Intervention> spoken, Dictionary<int, Delegation> delegations)
    {
        var sessions = record.Sessions.ToDictionary(s => s.Id);
        var heard = spoken.Select(i => (i.SessionId, i.DelegationId!.Value)).ToHashSet();
        return [.. requests
            .GroupBy(r => (r.SessionId, r.DelegationId))
            .Where(g => !heard.Contains(g.Key))
            .Select(g => g.MaxBy(r => r.Id)!)
            .Where(r => r.Status is EntryStatus.Waiting or EntryStatus.Removed && delegations.ContainsKey(r.DelegationId))
            .OrderBy(r => sessions[r.SessionId].StartsAt).ThenBy(r => r.Id)
            .Select(r => (r.DelegationId, new UnreachedRequest(
                sessions[r.SessionId].Code,
                delegations[r.DelegationId].Name,
                CategoryNames.Display(delegations[r.DelegationId].Category),
                record.Meeting.ToLocal(r.RequestedAt).ToString("HH:mm", CultureInfo.InvariantCulture),
                r.Status == EntryStatus.Removed ? "removed by the moderator"
                : sessions[r.SessionId].Status == SessionStatus.Closed ? "not reached before the close"
                : "still waiting")))];
    }

    private static TimeSpan Sum(IEnumerable<TimeSpan> spans) => spans.Aggregate(TimeSpan.Zero, (total, span) => total + span);
}
