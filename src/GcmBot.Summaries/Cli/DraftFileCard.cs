namespace GcmBot.Summaries.Cli;

internal sealed record DraftFileCard(string? Id, string? Delegation, string? Recommendation, string? Means, string? Partnerships);
