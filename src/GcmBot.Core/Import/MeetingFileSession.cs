namespace GcmBot.Core.Import;

public sealed record MeetingFileSession(
    string Code,
    string Title,
    string Kind,
    DateOnly Date,
    TimeOnly Start,
    TimeOnly End,
    string Room,
    string? Dimension = null,
    IReadOnlyList<string>? Moderators = null,
    IReadOnlyList<string>? Rapporteurs = null,
    IReadOnlyList<string>? ModeratorDelegations = null,
    IReadOnlyList<string>? RapporteurDelegations = null,
    string? Description = null,
    IReadOnlyList<string>? Questions = null);
