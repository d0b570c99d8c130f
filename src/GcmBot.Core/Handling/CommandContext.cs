using GcmBot.Core.Commands;
using GcmBot.Core.Data;
using GcmBot.Core.Domain;
using GcmBot.Core.Drafting;
using GcmBot.Core.Invitations;
using GcmBot.Core.Localisation;
using GcmBot.Core.Speaking;

namespace GcmBot.Core.Handling;

/// <summary>Everything a handler needs for one command, inside its transaction.</summary>
public sealed class CommandContext
{
    private IReadOnlyList<Session>? _sessions;
    private IReadOnlyList<SessionAssignment>? _assignments;
    private readonly List<Session> _touched = [];
    private readonly HashSet<string> _rooms = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<SpeakersList> _lists = [];

    public required IMeetingData Data { get; init; }
    public required Meeting Meeting { get; init; }
    public required Participant Participant { get; init; }
    public required Inbound Inbound { get; init; }
    public required ParsedCommand Command { get; init; }
    public required DateTimeOffset Now { get; init; }
    public required SpeakingRules Rules { get; init; }

    /// <summary>The person's language: their own choice, else their channel's, else the meeting's default, else English.</summary>
    public Texts Texts { get; init; } = Texts.English;
    public required ReminderRules Reminders { get; init; }

    /// <summary>Notices created by this command; their timers are armed once the transaction commits.</summary>
    public List<Notice> Scheduled { get; } = [];
    public required CancellationToken CancellationToken { get; init; }
    public ChannelBinding? Binding { get; init; }

    public InvitationRules Invitations { get; init; } = new();

    /// <summary>Turns an invitation token into the link people open; null: a link relative to the web chat.</summary>
    public ISignInLinks? Links { get; init; }

    /// <summary>Drafts and renders reports; null when the host has no summary pipeline.</summary>
    public IReportDrafter? Drafter { get; init; }

    /// <summary>A draft to write after this transaction (see <see cref="DraftJob"/>).</summary>
    internal DraftJob? PendingDraft { get; set; }
    public Delegation? Delegation { get; set; }

    /// <summary>
    /// The rooms of the sessions this command looked up, as they were and as they are now (a session can move):
    /// after a write commits, their displays are refreshed.
    /// </summary>
    public IReadOnlyCollection<string> TouchedRooms => [.. _rooms, .. _touched.Select(s => s.Room)];

    /// <summary>Entries the speakers lists of this command changed: written back before it commits.</summary>
    public IEnumerable<SpeakerEntry> ChangedEntries => _lists.SelectMany(l => l.Changed);

    /// <summary>The session's speakers list; what the command changes on it is written back when it commits.</summary>
    public async Task<SpeakersList> ListAsync(Session session)
    {
        var list = new SpeakersList(
            session,
            await Data.GetWaitingAsync(session.Id, CancellationToken),
            (await Data.GetAllowancesAsync(session.Id, CancellationToken)).ToDictionary(a => a.DelegationId, a => a.Seconds));
        _lists.Add(list);
        return list;
    }

    private Session? Touch(Session? session)
    {
        if (session is not null)
        {
            _touched.Add(session);
            _rooms.Add(session.Room);
        }

        return session;
    }

    public async Task<IReadOnlyList<Session>> SessionsAsync() =>
        _sessions ??= await Data.GetSessionsAsync(Meeting.Id, CancellationToken);

    public async Task<IReadOnlyList<SessionAssignment>> AssignmentsAsync() =>
        _assignments ??= await Data.GetAssignmentsAsync(Participant.Id, CancellationToken);

    public Delegation RequireDelegation() =>
        Delegation ?? throw new CommandException(T("Error.NotRegistered"));

    /// <summary>The session this conversation is about: its bound session, or what runs in its bound room.</summary>
    /// <param name="lateCards">
    /// For a card: when nothing is open or running in the room, the room's session that ended last today still takes
    /// it (the close message invites late cards), until the next session in the room opens or starts.
    /// </param>
    public async Task<Session?> ChannelSessionAsync(bool lateCards = false)
    {
        if (Binding is null)
        {
            return null;
        }

        // Most commands need this one session only: a room's few sessions are read rather than the whole agenda.
        if (Binding.SessionId is { } id)
        {
            var bound = _sessions is null ? await Data.GetSessionAsync(id, CancellationToken) : _sessions.FirstOrDefault(s => s.Id == id);
            return Touch(bound?.MeetingId == Meeting.Id ? bound : null);
        }

        var inRoom = _sessions is null
            ? await Data.GetSessionsInRoomAsync(Meeting.Id, Binding.Room ?? "", CancellationToken)
            : [.. _sessions.Where(s => string.Equals(s.Room, Binding.Room, StringComparison.OrdinalIgnoreCase))];
        var today = DateOnly.FromDateTime(Meeting.ToLocal(Now).DateTime);
        return Touch(inRoom.FirstOrDefault(s => s.IsOpen)
            ?? inRoom.FirstOrDefault(s => s.StartsAt <= Now && Now < s.EndsAt && s.Kind != SessionKind.Break)
            ?? (lateCards
                ? inRoom.Where(s => s.Kind != SessionKind.Break && s.StartsAt <= Now && DateOnly.FromDateTime(Meeting.ToLocal(s.StartsAt).DateTime) == today)
                    .OrderByDescending(s => s.ClosedAt ?? s.EndsAt).FirstOrDefault()
                : null)
            ?? inRoom.Where(s => s.StartsAt > Now && s.Kind != SessionKind.Break).OrderBy(s => s.StartsAt).FirstOrDefault());
    }

    /// <summary>The session named by the command's argument, or else this conversation's session.</summary>
    public async Task<Session> TargetSessionAsync(string argument = "session")
    {
        if (Command[argument] is { } named)
        {
            return await FindSessionAsync(named);
        }

        return await ChannelSessionAsync() ?? throw new CommandException(Binding is null
            ? T("Error.NotBound")
            : T("Error.NothingInRoom", Binding.Room));
    }

    /// <summary>This conversation's session, which must be open.</summary>
    public async Task<Session> OpenSessionAsync()
    {
        var session = await TargetSessionAsync();
        return session.IsOpen
            ? session
            : throw new CommandException(T("Error.NotOpen", session.Title, session.Code));
    }

    public async Task<Session> FindSessionAsync(string name)
    {
        var sessions = await SessionsAsync();
        var match = Lookup.Find(sessions, name, s => [s.Code, s.Title, s.Dimension ?? s.Code], s => s.Code);
        return Touch(match.Found) ?? throw new CommandException(T("Error.NoSession", name, match.HintIn(Texts)));
    }

    public async Task<Delegation> FindDelegationAsync(string name)
    {
        var delegations = await Data.GetDelegationsAsync(Meeting.Id, CancellationToken);
        var match = Lookup.Find(delegations, name, d => [d.Name, .. d.AliasList], d => d.Name);
        return match.Found ?? throw new CommandException(T("Error.NoDelegation", name, match.HintIn(Texts)));
    }

    public Notice Schedule(NoticeKind kind, DateTimeOffset dueAt, int? sessionId, string text = "", long? interventionId = null, int? participantId = null)
    {
        var notice = new Notice
        {
            Kind = kind,
            DueAt = dueAt,
            SessionId = sessionId,
            InterventionId = interventionId,
            ParticipantId = participantId,
            Text = text,
            CreatedByParticipantId = Participant.Id,
            CreatedAt = Now,
        };
        Data.Add(notice);
        Scheduled.Add(notice);
        return notice;
    }

    /// <summary>Cancels pending notices; a timer that fires for one of them finds it cancelled and stays silent.</summary>
    public async Task<int> CancelNoticesAsync(int? sessionId, long? interventionId, NoticeKind? kind = null)
    {
        var pending = await Data.GetPendingNoticesAsync(sessionId, interventionId, kind, CancellationToken);
        foreach (var notice in pending)
        {
            notice.CancelledAt = Now;
        }

        return pending.Count;
    }

    public bool IsOrganiser => Participant.Has(Roles.Organiser);

    /// <summary>Whether this person is the delegation's focal point (<see cref="Delegation.FocalPointId"/>, as a member of it).</summary>
    public bool IsFocalPoint(Delegation delegation) =>
        delegation.FocalPointId == Participant.Id && Participant.DelegationId == delegation.Id;

    public async Task<bool> ModeratesAsync(Session session) =>
        IsOrganiser || Participant.Has(Roles.Moderator)
        || (await AssignmentsAsync()).Any(a => a.SessionId == session.Id && a.Role == Roles.Moderator);

    public async Task<bool> ReportsOnAsync(Session session) =>
        Drafting.ReportingAccess.Allows(Participant, await AssignmentsAsync(), session.Id);

    /// <summary>A moderator, rapporteur or organiser: by global role, or assigned to any session.</summary>
    public async Task<bool> IsOfficialAsync() =>
        (Participant.Roles & (Roles.Moderator | Roles.Rapporteur | Roles.Organiser)) != 0 || (await AssignmentsAsync()).Count > 0;

    /// <summary>The language of a report's template text (headings, labels): the meeting's default language.</summary>
    public Language ReportLanguage => Texts.For(Meeting.DefaultLanguage).Language;

    /// <summary>A text in the person's language (see <see cref="Texts.Format"/>).</summary>
    public string T(string key, params object?[] arguments) => Texts.Format(key, arguments);

    /// <summary>An instant in the venue's time zone, written with the person's culture.</summary>
    public string Local(DateTimeOffset instant, string format = "HH:mm") => Local(instant, Texts, format);

    /// <summary>An instant in the venue's time zone, written with another language's culture (a room's).</summary>
    public string Local(DateTimeOffset instant, Texts texts, string format) =>
        Meeting.ToLocal(instant).ToString(format, texts.Culture);
}
