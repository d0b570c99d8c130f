namespace GcmBot.Core.Drafting;

/// <summary>A report in the reporting template; every point carries the ids of what it rests on.</summary>
public sealed record Report(
    ReportHeader Header,
    IReadOnlyList<ReportSentence> Summary,
    IReadOnlyList<ReportRecommendation> Recommendations,
    IReadOnlyList<ReportSentence> Observations);
