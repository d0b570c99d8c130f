namespace GcmBot.Summaries.Extractive;

/// <summary>
/// A sentence as reported speech: the clause in the third person and past tense, and how it was put
/// (<see cref="Verb"/> "proposed", "called for", or null for a plain statement). <see cref="Proposal"/> is
/// the same clause without its lead-in but in the speaker's tense, as a recommendation is worded.
/// </summary>
internal sealed record Reported(string Clause, string? Verb, string Proposal)
{
    public const string CallFor = "called for";

    /// <summary>The sentence for the report: impersonal for one speaker, "Several delegations proposed that…" for several.</summary>
    public string Render(string? who) => (who, Verb) switch
    {
        (null, null) => ReportedSpeech.Capitalise(Clause),
        (null, CallFor) => $"A call was made for {Clause}",
        (null, _) => $"It was {Verb} that {Clause}",
        (_, CallFor) => $"{who} called for {Clause}",
        (_, null) => $"{who} noted that {ReportedSpeech.Decapitalise(Clause)}",
        _ => $"{who} {Verb} that {Clause}",
    };

    /// <summary>The proposal itself, as a recommendation reads: "Expand regular pathways…".</summary>
    public string AsRecommendation() => ReportedSpeech.Capitalise(Proposal);
}
