using GcmBot.Core.Domain;

namespace GcmBot.Core.Drafting;

/// <summary>
/// Who may see a session's unpublished draft and work on it: its moderator or rapporteur (by global role or
/// by assignment) or an organiser. One rule for the <c>draft</c> commands and the review page.
/// </summary>
public static class ReportingAccess
{
    public static bool Allows(Participant participant, IEnumerable<SessionAssignment> assignments, int sessionId) =>
        (participant.Roles & (Roles.Organiser | Roles.Moderator | Roles.Rapporteur)) != 0
        || assignments.Any(a => a.SessionId == sessionId && a.Role is Roles.Moderator or Roles.Rapporteur);
}
