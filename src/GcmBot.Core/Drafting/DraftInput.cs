namespace GcmBot.Core.Drafting;

/// <summary>What a report is drafted from: the session's header, captured contributions and cards.</summary>
/// <param name="Questions">The session's guiding questions, used to sort what was said.</param>
/// <param name="NameDelegations">Whether the summary may name delegations; by default it says "delegations", "participants".</param>
public sealed record DraftInput(
    ReportHeader Header,
    IReadOnlyList<SourceContribution> Contributions,
    IReadOnlyList<SourceCard> Cards,
    IReadOnlyList<string> Questions,
    bool NameDelegations = false);
