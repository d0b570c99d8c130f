namespace GcmBot.Core.Domain;

public sealed class Delegation
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public required string Name { get; set; }
    public DelegationCategory Category { get; set; }

    /// <summary>Comma-separated short names (ISO codes, acronyms) accepted in commands.</summary>
    public string Aliases { get; set; } = "";

    public bool IsMemberState => Category == DelegationCategory.MemberState;

    public IEnumerable<string> AliasList =>
        Aliases.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
