namespace GcmBot.Summaries.Cli;

internal sealed record DraftFileSession(string? ActionGroup, string? DateAndTime, string? Room, string? Moderator, string? Rapporteur, List<string>? Questions);
