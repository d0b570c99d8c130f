using GcmBot.Core.Data;
using GcmBot.Core.Domain;

namespace GcmBot.Core.Statistics;

/// <summary>The recorded facts statistics are computed from: the sessions in scope and what happened in them.</summary>
/// <param name="Scope">How the scope is described, e.g. "AG1 — Action Group 1".</param>
/// <param name="Delegations">Every delegation of the meeting.</param>
/// <param name="Participants">Every chat identity; those registered with a delegation of the meeting count as participants.</param>
public sealed record MeetingRecord(
    Meeting Meeting,
    string Scope,
    IReadOnlyList<Session> Sessions,
    IReadOnlyList<Delegation> Delegations,
    SessionActivity Activity,
    IReadOnlyList<Participant> Participants);
