namespace GcmBot.Summaries.Cli;

internal sealed record DraftFileContribution(string? Id, string? Speaker, string? Delegation, string? Text, DateTimeOffset? At);
