namespace GcmBot.Core.Drafting;

/// <summary>A recommendation for an actionable commitment, with its sources.</summary>
public sealed record ReportRecommendation(string Recommendation, string Means, string Partnerships, IReadOnlyList<string> Sources);
