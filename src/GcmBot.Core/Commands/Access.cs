namespace GcmBot.Core.Commands;

/// <summary>Who may run a command. Organisers may run everything.</summary>
public enum Access
{
    Anyone = 0,

    /// <summary>A participant registered with a delegation.</summary>
    Delegation = 1,

    /// <summary>A moderator: global role, or assigned to the session the command acts on.</summary>
    Moderator = 2,

    /// <summary>The session's rapporteur or moderator.</summary>
    Reporting = 3,

    Organiser = 4,

    /// <summary>Anyone who moderates, reports or organises: a global role, or an assignment to any session.</summary>
    Officials = 5,
}
