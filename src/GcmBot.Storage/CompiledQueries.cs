using GcmBot.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace GcmBot.Storage;

/// <summary>
/// The look-ups nearly every command makes, compiled once: EF otherwise rebuilds each query's cache key from its
/// expression tree on every run (about a third of a simple query's cost). A compiled query keeps the tracking it was
/// compiled with, so each one states it: entities a command may change are tracked; lists only read are not.
/// A compiled query serves one model only: each provider has its own set.
/// </summary>
internal sealed class CompiledQueries
{
    public static readonly CompiledQueries Sqlite = new();
    public static readonly CompiledQueries Postgres = new();

    public Func<GcmDbContext, CancellationToken, Task<Meeting?>> Meeting { get; } =
        EF.CompileAsyncQuery((GcmDbContext db, CancellationToken ct) => db.Meetings.AsTracking().OrderByDescending(m => m.Id).FirstOrDefault());

    public Func<GcmDbContext, string, string, CancellationToken, Task<Participant?>> Participant { get; } =
        EF.CompileAsyncQuery((GcmDbContext db, string channel, string externalId, CancellationToken ct) =>
            db.Participants.AsTracking().FirstOrDefault(p => p.Channel == channel && p.ExternalId == externalId));

    public Func<GcmDbContext, string, string, CancellationToken, Task<ChannelBinding?>> Binding { get; } =
        EF.CompileAsyncQuery((GcmDbContext db, string channel, string conversationId, CancellationToken ct) =>
            db.Bindings.AsTracking().FirstOrDefault(b => b.Channel == channel && b.ConversationId == conversationId));

    public Func<GcmDbContext, int, CancellationToken, Task<Delegation?>> Delegation { get; } =
        EF.CompileAsyncQuery((GcmDbContext db, int id, CancellationToken ct) => db.Delegations.AsTracking().FirstOrDefault(d => d.Id == id));

    public Func<GcmDbContext, int[], IAsyncEnumerable<Delegation>> DelegationsById { get; } =
        EF.CompileAsyncQuery((GcmDbContext db, int[] ids) => db.Delegations.AsNoTracking().Where(d => ids.Contains(d.Id)));

    public Func<GcmDbContext, long, CancellationToken, Task<Intervention?>> Intervention { get; } =
        EF.CompileAsyncQuery((GcmDbContext db, long id, CancellationToken ct) => db.Interventions.AsTracking().FirstOrDefault(i => i.Id == id));

    public Func<GcmDbContext, int, CancellationToken, Task<Session?>> Session { get; } =
        EF.CompileAsyncQuery((GcmDbContext db, int id, CancellationToken ct) => db.Sessions.AsTracking().FirstOrDefault(s => s.Id == id));

    public Func<GcmDbContext, int, IAsyncEnumerable<Session>> Sessions { get; } =
        EF.CompileAsyncQuery<GcmDbContext, int, Session>((db, meetingId) =>
            db.Sessions.AsTracking().Where(s => s.MeetingId == meetingId).OrderBy(s => s.StartsAt).ThenBy(s => s.Room));

#pragma warning disable CA1862 // string.Equals with a comparison does not translate to SQL; ToLower does, on both providers.
    public Func<GcmDbContext, int, string, IAsyncEnumerable<Session>> SessionsInRoom { get; } =
        EF.CompileAsyncQuery<GcmDbContext, int, string, Session>((db, meetingId, loweredRoom) =>
            db.Sessions.AsTracking().Where(s => s.MeetingId == meetingId && s.Room.ToLower() == loweredRoom).OrderBy(s => s.StartsAt));
#pragma warning restore CA1862

    public Func<GcmDbContext, int, IAsyncEnumerable<SpeakerEntry>> Waiting { get; } =
        EF.CompileAsyncQuery((GcmDbContext db, int sessionId) =>
            db.SpeakerEntries.AsNoTracking().Where(s => s.SessionId == sessionId && s.Status == EntryStatus.Waiting));

    public Func<GcmDbContext, int, IAsyncEnumerable<Allowance>> Allowances { get; } =
        EF.CompileAsyncQuery((GcmDbContext db, int sessionId) => db.Allowances.AsTracking().Where(a => a.SessionId == sessionId));

    public Func<GcmDbContext, int, IAsyncEnumerable<SessionAssignment>> Assignments { get; } =
        EF.CompileAsyncQuery((GcmDbContext db, int participantId) => db.Assignments.AsTracking().Where(a => a.ParticipantId == participantId));

    public Func<GcmDbContext, int, int, CancellationToken, Task<bool>> HasSpoken { get; } =
        EF.CompileAsyncQuery((GcmDbContext db, int sessionId, int delegationId, CancellationToken ct) =>
            db.Interventions.Any(i => i.SessionId == sessionId && i.DelegationId == delegationId));

    public Func<GcmDbContext, int?, long?, NoticeKind?, IAsyncEnumerable<Notice>> PendingNotices { get; } =
        EF.CompileAsyncQuery<GcmDbContext, int?, long?, NoticeKind?, Notice>((db, sessionId, interventionId, kind) =>
            db.Notices.AsTracking().Where(n => n.FiredAt == null && n.CancelledAt == null
                    && (sessionId == null || n.SessionId == sessionId)
                    && (interventionId == null || n.InterventionId == interventionId)
                    && (kind == null || n.Kind == kind))
                .OrderBy(n => n.DueAt));
}
