namespace GcmBot.Core.Statistics;

/// <summary>A delegation that asked for the floor in a session and did not get it (withdrawals are not counted).</summary>
/// <param name="RequestedAt">Venue time of its last request, "HH:mm".</param>
/// <param name="Reason"><c>still waiting</c>, <c>not reached before the close</c> or <c>removed by the moderator</c>.</param>
public sealed record UnreachedRequest(string Session, string Delegation, string Category, string RequestedAt, string Reason);
