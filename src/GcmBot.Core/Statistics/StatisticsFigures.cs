namespace GcmBot.Core.Statistics;

/// <summary>The headline figures, as in a chair's summary ("136 delegations, 897 participants, 115 non-governmental stakeholders").</summary>
/// <param name="Delegations">Distinct delegations that took part: held the floor, asked for it, submitted a card or contributed in the chat.</param>
/// <param name="Stakeholders">Of those, non-governmental stakeholders.</param>
/// <param name="RegisteredParticipants">People registered with a delegation of the meeting (whatever the scope).</param>
/// <param name="ActiveParticipants">Distinct people who asked for the floor, submitted a card or contributed, in scope.</param>
/// <param name="Interventions">Interventions by delegations (the chair, panellists and the rapporteur are counted apart).</param>
/// <param name="SpeakingTime">Time delegations spoke, over completed interventions, pauses excluded.</param>
/// <param name="ChairInterventions">Opening and closing remarks, panellists, the rapporteur.</param>
/// <param name="AverageMemberStatesPerSession">Member States taking part, averaged over the sessions where anyone did.</param>
public sealed record StatisticsFigures(
    int Sessions,
    int Delegations,
    int MemberStates,
    int Stakeholders,
    int RegisteredParticipants,
    int ActiveParticipants,
    int Interventions,
    TimeSpan SpeakingTime,
    int ChairInterventions,
    int Panellists,
    int Cards,
    int Contributions,
    double AverageMemberStatesPerSession);
