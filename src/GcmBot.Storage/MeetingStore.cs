using GcmBot.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace GcmBot.Storage;

/// <summary>
/// One transaction per command. Writers are serialised so that concurrent commands see each other's
/// effects in arrival order: in process for SQLite (it has a single writer anyway), and with a
/// transaction-scoped advisory lock on PostgreSQL so that several host instances agree.
/// </summary>
public sealed class MeetingStore : IMeetingStore, IDisposable
{
    private const long WriterLockKey = 0x6763_6d62_6f74; // "gcmbot"
    private const int Attempts = 3;
    private const int SqliteUniqueViolation = 2067;
    private const int SqlitePrimaryKeyViolation = 1555;

    private readonly GcmContextFactory _contexts;
    private readonly SemaphoreSlim _sqliteWriter = new(1, 1);
    private readonly WaitingLists _waiting = new();

    public MeetingStore(GcmContextFactory contexts)
    {
        _contexts = contexts;
    }

    public async Task<T> ExecuteAsync<T>(Func<IMeetingData, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ExecuteOnceAsync(work, cancellationToken);
            }
            catch (DbUpdateException conflict) when (attempt < Attempts && IsConflict(conflict))
            {
                // Another instance won a race on a unique key; the retry sees its row and answers accordingly.
            }
        }
    }

    public async Task<T> ReadAsync<T>(Func<IMeetingData, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var context = _contexts.Create();
        context.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        if (_contexts.Provider == StorageProvider.Sqlite)
        {
            // A deferred transaction reads one WAL snapshot and never contends for the write lock
            // (EF's default on SQLite is BEGIN IMMEDIATE).
            await context.Database.OpenConnectionAsync(cancellationToken);
            await using var snapshot = ((SqliteConnection)context.Database.GetDbConnection()).BeginTransaction(deferred: true);
            await context.Database.UseTransactionAsync(snapshot, cancellationToken);
            return await work(new MeetingData(context, _waiting, _contexts.Queries), cancellationToken);
        }

        await using var transaction = await context.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        return await work(new MeetingData(context, _waiting, _contexts.Queries), cancellationToken);
    }

    public async Task<bool> TryClaimNoticeAsync(long noticeId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // SQLite has one writer anyway: queue with the others rather than spin on SQLITE_BUSY.
        var sqlite = _contexts.Provider == StorageProvider.Sqlite;
        if (sqlite)
        {
            await _sqliteWriter.WaitAsync(cancellationToken);
        }

        try
        {
            await using var context = _contexts.Create();
            var claimed = await context.Notices
                .Where(n => n.Id == noticeId && n.FiredAt == null && n.CancelledAt == null && n.DueAt <= now)
                .ExecuteUpdateAsync(set => set.SetProperty(n => n.FiredAt, now), cancellationToken);
            return claimed == 1;
        }
        finally
        {
            if (sqlite)
            {
                _sqliteWriter.Release();
            }
        }
    }

    private async Task<T> ExecuteOnceAsync<T>(Func<IMeetingData, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var sqlite = _contexts.Provider == StorageProvider.Sqlite;
        if (sqlite)
        {
            await _sqliteWriter.WaitAsync(cancellationToken);
        }

        try
        {
            await using var context = _contexts.Create();
            await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
            if (!sqlite)
            {
                await context.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({WriterLockKey})", cancellationToken);
            }

            var data = new MeetingData(context, _waiting, _contexts.Queries);
            var result = await work(data, cancellationToken);
            await data.FlushAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            data.Committed();
            return result;
        }
        finally
        {
            if (sqlite)
            {
                _sqliteWriter.Release();
            }
        }
    }

    private static bool IsConflict(DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.SerializationFailure }
        || exception.InnerException is SqliteException { SqliteExtendedErrorCode: SqliteUniqueViolation or SqlitePrimaryKeyViolation };

    public void Dispose() => _sqliteWriter.Dispose();
}
