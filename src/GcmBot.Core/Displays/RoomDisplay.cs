namespace GcmBot.Core.Displays;

/// <summary>
/// What a room's projector shows, read from the store after every change and pushed whole. The timer is
/// sent as a deadline plus the server's time, so the page counts down by itself and corrects its clock.
/// </summary>
/// <param name="WarningSeconds">The countdown turns amber this many seconds before the deadline.</param>
/// <param name="Next">The next five on the list, in the order they will be heard.</param>
/// <param name="Cards">Recommendation cards received for the session (withdrawn ones excluded).</param>
/// <param name="Contributions">Chat contributions captured for the session.</param>
/// <param name="Language">The room's language (its bindings' setting, else the meeting's default): the display's labels and dates.</param>
/// <param name="RightToLeft">The language is written right to left (Arabic).</param>
/// <param name="ListVersion">The session's speakers-list version (<c>Session.ListVersion</c>): it changes with every change of the
/// list, also beyond the first five, and not with chat messages, so a chat page asks for its place only when it changes.</param>
public sealed record RoomDisplay(
    string Room,
    string MeetingTitle,
    string TimeZone,
    DateTimeOffset ServerTime,
    int WarningSeconds,
    SessionView? Session,
    FloorView? Floor,
    IReadOnlyList<WaitingView> Next,
    int Waiting,
    int StakeholdersWaiting,
    int Cards,
    int Contributions,
    string Language,
    bool RightToLeft,
    long ListVersion);
