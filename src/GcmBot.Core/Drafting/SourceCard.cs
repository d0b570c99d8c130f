namespace GcmBot.Core.Drafting;

/// <summary>A recommendation card; <see cref="Id"/> is what the report cites.</summary>
public sealed record SourceCard(string Id, string Delegation, string Recommendation, string Means, string Partnerships);
