using GcmBot.Core.Data;
using GcmBot.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace GcmBot.Storage;

internal sealed class MeetingData : IMeetingData
{
    private readonly GcmDbContext _db;
    private readonly WaitingLists _waiting;
    private readonly CompiledQueries _queries;
    private readonly Dictionary<int, long> _readVersions = [];
    private readonly List<(SpeakerEntry Entry, bool Deleted)> _saved = [];
    private Func<CancellationToken, Task>? _enterWriter;
    private bool _flushed;

    /// <param name="enterWriter">
    /// Queues for the writer, for a unit of work that reads a snapshot without it: called once, at the first save that
    /// has something to write. Null when the work holds the writer already.
    /// </param>
    public MeetingData(GcmDbContext db, WaitingLists waiting, CompiledQueries queries, Func<CancellationToken, Task>? enterWriter = null)
    {
        _db = db;
        _waiting = waiting;
        _queries = queries;
        _enterWriter = enterWriter;
    }

    public Task<Meeting?> GetMeetingAsync(CancellationToken cancellationToken) => _queries.Meeting(_db, cancellationToken);

    public async Task<IReadOnlyList<Session>> GetSessionsAsync(int meetingId, CancellationToken cancellationToken) =>
        await _queries.Sessions(_db, meetingId).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Session>> GetSessionsInRoomAsync(int meetingId, string room, CancellationToken cancellationToken) =>
        await _queries.SessionsInRoom(_db, meetingId, room.ToLowerInvariant()).ToListAsync(cancellationToken);

    public Task<Session?> GetSessionAsync(int sessionId, CancellationToken cancellationToken) => _queries.Session(_db, sessionId, cancellationToken);

    public Task<Delegation?> GetDelegationAsync(int delegationId, CancellationToken cancellationToken) =>
        _queries.Delegation(_db, delegationId, cancellationToken);

    public async Task<IReadOnlyList<Delegation>> GetDelegationsAsync(int meetingId, CancellationToken cancellationToken) =>
        await _db.Delegations.Where(d => d.MeetingId == meetingId).OrderBy(d => d.Name).ToListAsync(cancellationToken);

    public async Task<IReadOnlyDictionary<int, Delegation>> GetDelegationsAsync(IEnumerable<int> ids, CancellationToken cancellationToken) =>
        (await _queries.DelegationsById(_db, [.. ids.Distinct()]).ToListAsync(cancellationToken)).ToDictionary(d => d.Id);

    public Task<int> CountMembersAsync(int delegationId, CancellationToken cancellationToken) =>
        _db.Participants.CountAsync(p => p.DelegationId == delegationId, cancellationToken);

    public async Task<IReadOnlyList<Participant>> GetMembersAsync(int delegationId, CancellationToken cancellationToken) =>
        // In the order they became members (those from before it was recorded, by when they were first seen).
        await _db.Participants.Where(p => p.DelegationId == delegationId)
            .OrderBy(p => p.JoinedAt ?? p.FirstSeenAt).ThenBy(p => p.Id).ToListAsync(cancellationToken);

    public Task<Participant?> GetFocalPointAsync(int delegationId, CancellationToken cancellationToken) =>
        _db.Participants.Where(p => p.DelegationId == delegationId && _db.Delegations.Any(d => d.Id == delegationId && d.FocalPointId == p.Id))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<Participant>> GetRequestsAsync(int? delegationId, CancellationToken cancellationToken) =>
        await _db.Participants.AsTracking()
            .Where(p => p.RequestedDelegationId != null && (delegationId == null || p.RequestedDelegationId == delegationId))
            .OrderBy(p => p.RequestedAt).ThenBy(p => p.Id).ToListAsync(cancellationToken);

    public Task<bool> IsApprovedMemberAsync(int delegationId, string channel, IReadOnlyCollection<string> externalIds, CancellationToken cancellationToken) =>
        _db.ApprovedMembers.AnyAsync(a => a.DelegationId == delegationId && a.Channel == channel && externalIds.Contains(a.ExternalId), cancellationToken);

    public Task<Invitation?> FindInvitationAsync(string tokenHash, CancellationToken cancellationToken) =>
        _db.Invitations.AsTracking().FirstOrDefaultAsync(i => i.TokenHash == tokenHash, cancellationToken);

    public Task<Invitation?> GetInvitationAsync(int invitationId, CancellationToken cancellationToken) =>
        _db.Invitations.AsTracking().FirstOrDefaultAsync(i => i.Id == invitationId, cancellationToken);

    public async Task<IReadOnlyList<Invitation>> GetInvitationsAsync(CancellationToken cancellationToken) =>
        await _db.Invitations.OrderBy(i => i.Id).ToListAsync(cancellationToken);

    public Task<Participant?> FindParticipantAsync(string channel, string externalId, CancellationToken cancellationToken) =>
        _queries.Participant(_db, channel, externalId, cancellationToken);

    public async Task<IReadOnlyList<Participant>> FindParticipantsAsync(string channel, string nameOrId, CancellationToken cancellationToken)
    {
        // Accept chat mentions as typed: <@123>, <@!123>, @Ana.
        var key = nameOrId.Trim().TrimStart('<').TrimEnd('>').TrimStart('@', '!');
        var lowered = key.ToLowerInvariant();
#pragma warning disable CA1862 // string.Equals with a comparison does not translate to SQL; ToLower does, on both providers.
        return await _db.Participants
            .Where(p => p.Channel == channel && (p.ExternalId == key || p.DisplayName.ToLower() == lowered))
            .ToListAsync(cancellationToken);
#pragma warning restore CA1862
    }

    public async Task<IReadOnlyList<SessionAssignment>> GetAssignmentsAsync(int participantId, CancellationToken cancellationToken) =>
        await _queries.Assignments(_db, participantId).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<SessionAssignment>> GetSessionAssignmentsAsync(int sessionId, CancellationToken cancellationToken) =>
        await _db.Assignments.Where(a => a.SessionId == sessionId).OrderBy(a => a.Id).ToListAsync(cancellationToken);

    public Task<ChannelBinding?> GetBindingAsync(string channel, string conversationId, CancellationToken cancellationToken) =>
        _queries.Binding(_db, channel, conversationId, cancellationToken);

    public async Task<IReadOnlyList<ChannelBinding>> GetBindingsAsync(CancellationToken cancellationToken) =>
        await _db.Bindings.OrderBy(b => b.Id).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<SpeakerEntry>> GetWaitingAsync(int sessionId, CancellationToken cancellationToken)
    {
        // The version and the entries come from the same transaction, so they describe the same state.
        // Nearly always the command has loaded the session already, with its version (the save that raises the
        // version updates the loaded session too): Find then answers from the context, without a query.
        var version = (await _db.Sessions.FindAsync([sessionId], cancellationToken))?.ListVersion ?? 0;
        if (!_flushed)
        {
            _readVersions.TryAdd(sessionId, version);
        }

        if (_waiting.Get(sessionId, version) is { } kept)
        {
            return kept;
        }

        var entries = await _queries.Waiting(_db, sessionId).ToListAsync(cancellationToken);
        if (!_flushed)
        {
            // This transaction has saved nothing yet, so what it read is a committed state, good whatever happens next.
            _waiting.Keep(sessionId, version, entries);
        }

        return entries;
    }

    public Task<bool> HasSpokenAsync(int sessionId, int delegationId, CancellationToken cancellationToken) =>
        _queries.HasSpoken(_db, sessionId, delegationId, cancellationToken);

    public Task<Intervention?> GetInterventionAsync(long interventionId, CancellationToken cancellationToken) =>
        _queries.Intervention(_db, interventionId, cancellationToken);

    public Task<Card?> GetCardAsync(int cardId, CancellationToken cancellationToken) =>
        _db.Cards.FirstOrDefaultAsync(c => c.Id == cardId, cancellationToken);

    public async Task<IReadOnlyList<Card>> GetCardsAsync(int sessionId, int? delegationId, CancellationToken cancellationToken) =>
        await _db.Cards.Where(c => c.SessionId == sessionId && (delegationId == null || c.DelegationId == delegationId))
            .OrderBy(c => c.Id).ToListAsync(cancellationToken);

    public Task<Contribution?> FindContributionAsync(string channel, string messageId, CancellationToken cancellationToken) =>
        _db.Contributions.FirstOrDefaultAsync(c => c.Channel == channel && c.MessageId == messageId, cancellationToken);

    public Task<int> CountContributionsAsync(int sessionId, CancellationToken cancellationToken) =>
        _db.Contributions.CountAsync(c => c.SessionId == sessionId && c.DeletedAt == null, cancellationToken);

    public async Task<SessionActivity> GetActivityAsync(IReadOnlyCollection<int> sessionIds, CancellationToken cancellationToken)
    {
        var ids = sessionIds.Distinct().ToList();
        return new SessionActivity(
            await _db.Interventions.Where(i => ids.Contains(i.SessionId)).OrderBy(i => i.Id).ToListAsync(cancellationToken),
            await _db.SpeakerEntries.Where(e => ids.Contains(e.SessionId)).OrderBy(e => e.Id).ToListAsync(cancellationToken),
            await _db.Cards.Where(c => ids.Contains(c.SessionId)).OrderBy(c => c.Id).ToListAsync(cancellationToken),
            await _db.Contributions.Where(c => ids.Contains(c.SessionId)).OrderBy(c => c.Id).ToListAsync(cancellationToken));
    }

    public async Task<IReadOnlyList<Participant>> GetParticipantsAsync(CancellationToken cancellationToken) =>
        await _db.Participants.OrderBy(p => p.Id).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Contribution>> GetContributionsAsync(int sessionId, CancellationToken cancellationToken) =>
        await _db.Contributions.Where(c => c.SessionId == sessionId && c.DeletedAt == null)
            .OrderBy(c => c.At).ThenBy(c => c.Id).ToListAsync(cancellationToken);

    public Task<Draft?> GetDraftAsync(int sessionId, CancellationToken cancellationToken) =>
        _db.Drafts.FirstOrDefaultAsync(d => d.SessionId == sessionId, cancellationToken);

    public Task<Participant?> GetParticipantAsync(int participantId, CancellationToken cancellationToken) =>
        _db.Participants.FirstOrDefaultAsync(p => p.Id == participantId, cancellationToken);

    public async Task<IReadOnlyList<Allowance>> GetAllowancesAsync(int sessionId, CancellationToken cancellationToken) =>
        await _queries.Allowances(_db, sessionId).ToListAsync(cancellationToken);

    public Task<Notice?> GetNoticeAsync(long noticeId, CancellationToken cancellationToken) =>
        _db.Notices.FirstOrDefaultAsync(n => n.Id == noticeId, cancellationToken);

    public async Task<IReadOnlyList<Notice>> GetPendingNoticesAsync(DateTimeOffset dueBefore, CancellationToken cancellationToken) =>
        await _db.Notices.Where(n => n.FiredAt == null && n.CancelledAt == null && n.DueAt < dueBefore)
            .OrderBy(n => n.DueAt).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Notice>> GetPendingNoticesAsync(int? sessionId, long? interventionId, NoticeKind? kind, CancellationToken cancellationToken) =>
        await _queries.PendingNotices(_db, sessionId, interventionId, kind).ToListAsync(cancellationToken);

    public async Task<bool> TryRecordEventAsync(string channel, string eventId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // FindAsync also sees an event recorded earlier in this unit of work, not yet saved.
        if (await _db.ProcessedEvents.FindAsync([channel, eventId], cancellationToken) is not null)
        {
            return false;
        }

        _db.ProcessedEvents.Add(new ProcessedEvent { Channel = channel, EventId = eventId, At = at });
        return true;
    }

    public async Task<IReadOnlyList<ChatLogEntry>> GetChatLogAsync(string channel, string conversationId, string recipient, long? before, int limit, CancellationToken cancellationToken)
    {
        var latest = await _db.ChatLog
            .Where(e => e.Channel == channel && (before == null || e.Id < before)
                && ((e.ConversationId == conversationId && e.Recipient == null) || e.Recipient == recipient))
            .OrderByDescending(e => e.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
        latest.Reverse();
        return latest;
    }

    public void Add<T>(T entity)
        where T : class => _db.Add(entity);

    public void Remove<T>(T entity)
        where T : class => _db.Remove(entity);

    public void Update<T>(T entity)
        where T : class => _db.Update(entity);

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_enterWriter is { } enter)
        {
            if (!_db.ChangeTracker.HasChanges())
            {
                // Nothing to save: no need to queue.
                return;
            }

            _enterWriter = null;
            await enter(cancellationToken);
        }

        _flushed = true;
        _saved.AddRange(_db.PendingEntries());
        await _db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// After the commit: each list this transaction read and then changed is kept at its new version, so the next command
    /// need not read it back. Nobody else committed between the transaction's read and its save (it held the writer, or
    /// the store checked that no commit came in between), so the list it read plus what it saved is exactly the committed list.
    /// </summary>
    public void Committed()
    {
        foreach (var changes in _saved.GroupBy(s => s.Entry.SessionId))
        {
            if (_readVersions.TryGetValue(changes.Key, out var read) && _db.Sessions.Find(changes.Key) is { } session)
            {
                _waiting.Publish(changes.Key, read, session.ListVersion, changes);
            }
        }
    }
}
