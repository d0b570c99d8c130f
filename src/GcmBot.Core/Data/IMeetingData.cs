using GcmBot.Core.Domain;

namespace GcmBot.Core.Data;

/// <summary>
/// The data a command works on, inside one transaction. Entities returned are tracked: changes to them,
/// and entities passed to <see cref="Add{T}"/>, are saved when the transaction commits.
/// </summary>
public interface IMeetingData
{
    Task<Meeting?> GetMeetingAsync(CancellationToken cancellationToken);
    Task<IReadOnlyList<Session>> GetSessionsAsync(int meetingId, CancellationToken cancellationToken);

    /// <summary>The sessions held in a room (matched in any case), in agenda order.</summary>
    Task<IReadOnlyList<Session>> GetSessionsInRoomAsync(int meetingId, string room, CancellationToken cancellationToken);
    Task<Session?> GetSessionAsync(int sessionId, CancellationToken cancellationToken);

    Task<Delegation?> GetDelegationAsync(int delegationId, CancellationToken cancellationToken);
    Task<IReadOnlyList<Delegation>> GetDelegationsAsync(int meetingId, CancellationToken cancellationToken);
    /// <summary>Delegations by id, to name them in a reply or a report: not tracked, so changes to them are not saved.</summary>
    Task<IReadOnlyDictionary<int, Delegation>> GetDelegationsAsync(IEnumerable<int> ids, CancellationToken cancellationToken);
    Task<int> CountMembersAsync(int delegationId, CancellationToken cancellationToken);

    /// <summary>The people approved as members of a delegation, in every channel, in the order they became members.</summary>
    Task<IReadOnlyList<Participant>> GetMembersAsync(int delegationId, CancellationToken cancellationToken);

    /// <summary>The delegation's focal point (<see cref="Delegation.FocalPointId"/>, while a member), or null when it has none.</summary>
    Task<Participant?> GetFocalPointAsync(int delegationId, CancellationToken cancellationToken);

    /// <summary>Requests to join a delegation that wait for approval, oldest first: one delegation's, or all of them (null).</summary>
    Task<IReadOnlyList<Participant>> GetRequestsAsync(int? delegationId, CancellationToken cancellationToken);

    /// <summary>Whether the meeting file approved this channel identity in advance as a member of the delegation.</summary>
    Task<bool> IsApprovedMemberAsync(int delegationId, string channel, IReadOnlyCollection<string> externalIds, CancellationToken cancellationToken);

    Task<Invitation?> FindInvitationAsync(string tokenHash, CancellationToken cancellationToken);
    Task<Invitation?> GetInvitationAsync(int invitationId, CancellationToken cancellationToken);

    /// <summary>Every invitation, oldest first.</summary>
    Task<IReadOnlyList<Invitation>> GetInvitationsAsync(CancellationToken cancellationToken);

    Task<Participant?> FindParticipantAsync(string channel, string externalId, CancellationToken cancellationToken);
    Task<IReadOnlyList<Participant>> FindParticipantsAsync(string channel, string nameOrId, CancellationToken cancellationToken);
    Task<IReadOnlyList<SessionAssignment>> GetAssignmentsAsync(int participantId, CancellationToken cancellationToken);

    /// <summary>Who was made moderator or rapporteur of a session (<c>assign</c>), in the order they were assigned.</summary>
    Task<IReadOnlyList<SessionAssignment>> GetSessionAssignmentsAsync(int sessionId, CancellationToken cancellationToken);

    Task<ChannelBinding?> GetBindingAsync(string channel, string conversationId, CancellationToken cancellationToken);
    Task<IReadOnlyList<ChannelBinding>> GetBindingsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The session's waiting entries, not tracked: a list is read whole by most commands and changed in a row or
    /// two, so changed entries are written back with <see cref="Update{T}"/> (see <see cref="Speaking.SpeakersList.Changed"/>).
    /// </summary>
    Task<IReadOnlyList<SpeakerEntry>> GetWaitingAsync(int sessionId, CancellationToken cancellationToken);
    Task<bool> HasSpokenAsync(int sessionId, int delegationId, CancellationToken cancellationToken);
    Task<Intervention?> GetInterventionAsync(long interventionId, CancellationToken cancellationToken);

    Task<Card?> GetCardAsync(int cardId, CancellationToken cancellationToken);
    Task<IReadOnlyList<Card>> GetCardsAsync(int sessionId, int? delegationId, CancellationToken cancellationToken);
    Task<Contribution?> FindContributionAsync(string channel, string messageId, CancellationToken cancellationToken);
    Task<int> CountContributionsAsync(int sessionId, CancellationToken cancellationToken);

    /// <summary>Everything recorded in some sessions (interventions, requests for the floor, cards, contributions), for statistics.</summary>
    Task<SessionActivity> GetActivityAsync(IReadOnlyCollection<int> sessionIds, CancellationToken cancellationToken);

    Task<IReadOnlyList<Participant>> GetParticipantsAsync(CancellationToken cancellationToken);

    /// <summary>A session's captured contributions that were not deleted, in the order they were said.</summary>
    Task<IReadOnlyList<Contribution>> GetContributionsAsync(int sessionId, CancellationToken cancellationToken);

    Task<Draft?> GetDraftAsync(int sessionId, CancellationToken cancellationToken);

    Task<Participant?> GetParticipantAsync(int participantId, CancellationToken cancellationToken);
    Task<IReadOnlyList<Allowance>> GetAllowancesAsync(int sessionId, CancellationToken cancellationToken);

    Task<Notice?> GetNoticeAsync(long noticeId, CancellationToken cancellationToken);

    /// <summary>Pending notices due before <paramref name="dueBefore"/>, soonest first.</summary>
    Task<IReadOnlyList<Notice>> GetPendingNoticesAsync(DateTimeOffset dueBefore, CancellationToken cancellationToken);

    /// <summary>Pending notices of a session, optionally only those of one intervention or kind.</summary>
    Task<IReadOnlyList<Notice>> GetPendingNoticesAsync(int? sessionId, long? interventionId, NoticeKind? kind, CancellationToken cancellationToken);

    /// <summary>Records an inbound event id; false when it was already recorded (a redelivery).</summary>
    Task<bool> TryRecordEventAsync(string channel, string eventId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// The latest <paramref name="limit"/> entries of a conversation's log before the entry <paramref name="before"/>
    /// (all when null), oldest first: its public messages and those for <paramref name="recipient"/> alone, wherever shown.
    /// </summary>
    Task<IReadOnlyList<ChatLogEntry>> GetChatLogAsync(string channel, string conversationId, string recipient, long? before, int limit, CancellationToken cancellationToken);

    void Add<T>(T entity)
        where T : class;

    void Remove<T>(T entity)
        where T : class;

    /// <summary>Writes every property of an entity that was read without tracking.</summary>
    void Update<T>(T entity)
        where T : class;

    /// <summary>Writes pending changes now, so database-generated ids are known before the reply is built.</summary>
    Task FlushAsync(CancellationToken cancellationToken);
}
