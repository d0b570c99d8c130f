namespace GcmBot.Core.Domain;

/// <summary>
/// Someone the meeting file lists as a member of a delegation, approved in advance: their <c>register</c> for it
/// needs nobody's approval. Matched on a channel's user id (Discord user id; Teams user id or AAD object id; web user id).
/// </summary>
public sealed class ApprovedMember
{
    public int Id { get; set; }
    public int DelegationId { get; set; }

    /// <summary>Channel kind: <c>discord</c>, <c>teams</c>, <c>web</c>.</summary>
    public required string Channel { get; set; }
    public required string ExternalId { get; set; }
}
