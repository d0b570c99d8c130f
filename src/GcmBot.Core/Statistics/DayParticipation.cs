namespace GcmBot.Core.Statistics;

/// <param name="Date">The day in the venue's time, e.g. "Tuesday 5 December 2017".</param>
public sealed record DayParticipation(
    int Day,
    string Date,
    int Delegations,
    int MemberStates,
    int Stakeholders,
    int ActiveParticipants,
    int Interventions,
    int Cards,
    int Contributions);
