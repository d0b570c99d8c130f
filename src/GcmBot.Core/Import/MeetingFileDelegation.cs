namespace GcmBot.Core.Import;

public sealed record MeetingFileDelegation(string Name, string Category, IReadOnlyList<string>? Aliases = null);
