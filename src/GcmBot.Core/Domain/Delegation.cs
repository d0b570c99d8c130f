namespace GcmBot.Core.Domain;

public sealed class Delegation
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public required string Name { get; set; }
    public DelegationCategory Category { get; set; }

    /// <summary>Comma-separated short names (ISO codes, acronyms) accepted in commands.</summary>
    public string Aliases { get; set; } = "";

    /// <summary>
    /// The member who speaks for the delegation to the secretariat (approves requests, invites, removes members): its
    /// first member, until handed on with <c>focal point</c> or when it leaves; null while the delegation has no member.
    /// </summary>
    public int? FocalPointId { get; set; }

    public bool IsMemberState => Category == DelegationCategory.MemberState;

    public IEnumerable<string> AliasList =>
        Aliases.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
