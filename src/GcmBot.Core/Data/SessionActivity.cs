using GcmBot.Core.Domain;

namespace GcmBot.Core.Data;

/// <summary>What was recorded in a set of sessions: the raw material of the statistics.</summary>
public sealed record SessionActivity(
    IReadOnlyList<Intervention> Interventions,
    IReadOnlyList<SpeakerEntry> Requests,
    IReadOnlyList<Card> Cards,
    IReadOnlyList<Contribution> Contributions);
