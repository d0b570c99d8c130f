namespace GcmBot.Core.Domain;

/// <summary>A speaking time set for one delegation in one session (e.g. chairs of regional processes).</summary>
public sealed class Allowance
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public int DelegationId { get; set; }
    public int Seconds { get; set; }
}
