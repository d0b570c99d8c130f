namespace GcmBot.Core.Drafting;

/// <summary>A recommendation for an actionable commitment, with its sources.</summary>
/// <param name="Edited">The rapporteur rewrote this recommendation: redrafting keeps it as written.</param>
public sealed record ReportRecommendation(string Recommendation, string Means, string Partnerships, IReadOnlyList<string> Sources, bool Edited = false);
