using System.Data.Common;
using GcmBot.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace GcmBot.Storage;

/// <summary>
/// One transaction per command. Writers are serialised so that concurrent commands see each other's
/// effects in arrival order: in process for SQLite (it has a single writer anyway), and on PostgreSQL in
/// process too, then with a transaction-scoped advisory lock so that several host instances agree. Queued in
/// process before taking a connection, a burst of commands holds one connection per instance, not one per
/// command waiting for the lock (which exhausted the server's <c>max_connections</c>).
/// </summary>
public sealed partial class MeetingStore : IMeetingStore, IDisposable
{
    private const long WriterLockKey = 0x6763_6d62_6f74; // "gcmbot"
    private const int Attempts = 3;
    private const int SqliteUniqueViolation = 2067;
    private const int SqlitePrimaryKeyViolation = 1555;
    private const int SqliteBusySnapshot = 517;
    private const int CheckpointEvery = 100;

    private readonly GcmContextFactory _contexts;
    /// <summary>This instance's one writer at a time: SQLite's write lock, or the turn to wait for PostgreSQL's advisory lock.</summary>
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly WaitingLists _waiting = new();
    private readonly ILogger<MeetingStore> _logger;

    /// <summary>Commits on SQLite, counted holding the writer.</summary>
    private long _commits;

    /// <summary>The last checkpoint started (SQLite).</summary>
    private Task _checkpoint = Task.CompletedTask;

    /// <summary>Whether the last checkpoint left frames in the WAL that commits wrote while it ran.</summary>
    private volatile bool _checkpointBehind;

    public MeetingStore(GcmContextFactory contexts, ILogger<MeetingStore>? logger = null)
    {
        _contexts = contexts;
        _logger = logger ?? NullLogger<MeetingStore>.Instance;
    }

    /// <summary>The checkpoint under way, or the last one (SQLite).</summary>
    internal Task Checkpoint => _checkpoint;

    public async Task<T> ExecuteAsync<T>(Func<IMeetingData, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var queueFirst = false;
        var attempt = 1;
        while (true)
        {
            try
            {
                return await ExecuteOnceAsync(work, queueFirst, cancellationToken);
            }
            catch (DbUpdateException conflict) when (attempt < Attempts && IsConflict(conflict))
            {
                // Another instance won a race on a unique key; the retry sees its row and answers accordingly.
                attempt++;
            }
            catch (Exception stale) when (!queueFirst && (stale is StaleSnapshot || IsBusySnapshot(stale)))
            {
                // Someone committed after the snapshot the work read. Queued from the start, it cannot go stale again.
                queueFirst = true;
            }
        }
    }

    public async Task<T> ReadAsync<T>(Func<IMeetingData, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var context = _contexts.Create();
        context.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        if (_contexts.Provider == StorageProvider.Sqlite)
        {
            await using var snapshot = await BeginSnapshotAsync(context, cancellationToken);
            return await work(new MeetingData(context, _waiting, _contexts.Queries), cancellationToken);
        }

        await using var transaction = await context.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        return await work(new MeetingData(context, _waiting, _contexts.Queries), cancellationToken);
    }

    public async Task<bool> TryClaimNoticeAsync(long noticeId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await WriteAloneAsync(
            (context, ct) => context.Notices
                .Where(n => n.Id == noticeId && n.FiredAt == null && n.CancelledAt == null && n.DueAt <= now)
                .ExecuteUpdateAsync(set => set.SetProperty(n => n.FiredAt, now), ct),
            cancellationToken) == 1;

    public Task ProbeWritesAsync(CancellationToken cancellationToken) =>
        WriteAloneAsync((context, ct) => context.WriteProbes.ExecuteUpdateAsync(set => set.SetProperty(p => p.Writes, p => p.Writes + 1), ct), cancellationToken);

    /// <summary>
    /// One update statement in a transaction of its own, beside the units of work: no writer lock on PostgreSQL. SQLite
    /// has one writer anyway, so there it queues with the others rather than spin on SQLITE_BUSY.
    /// </summary>
    /// <returns>The rows updated.</returns>
    private async Task<int> WriteAloneAsync(Func<GcmDbContext, CancellationToken, Task<int>> update, CancellationToken cancellationToken)
    {
        var sqlite = _contexts.Provider == StorageProvider.Sqlite;
        if (sqlite)
        {
            await _writer.WaitAsync(cancellationToken);
        }

        try
        {
            await using var context = _contexts.Create();
            var updated = await update(context, cancellationToken);
            if (sqlite && updated > 0)
            {
                CommittedOnSqlite();
            }

            return updated;
        }
        finally
        {
            if (sqlite)
            {
                _writer.Release();
            }
        }
    }

    private Task<T> ExecuteOnceAsync<T>(Func<IMeetingData, CancellationToken, Task<T>> work, bool queueFirst, CancellationToken cancellationToken) =>
        _contexts.Provider == StorageProvider.Postgres
            ? ExecuteOnPostgresAsync(work, cancellationToken)
            : ExecuteOnSqliteAsync(work, queueFirst, cancellationToken);

    private async Task<T> ExecuteOnPostgresAsync<T>(Func<IMeetingData, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        try
        {
            await using var context = _contexts.Create();
            await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
            await context.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({WriterLockKey})", cancellationToken);
            var data = new MeetingData(context, _waiting, _contexts.Queries);
            var result = await work(data, cancellationToken);
            await data.FlushAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            data.Committed();
            return result;
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>
    /// SQLite has one writer, and the work queues for it in process, but only when it has something to save: until then it
    /// reads a snapshot (a deferred transaction), beside the writer. At its turn the snapshot becomes the write
    /// transaction, if nobody committed since it began (<see cref="_commits"/>); otherwise the work runs again, queued
    /// from the start. An answer or a refusal that saves nothing is good as of the snapshot.
    /// </summary>
    private async Task<T> ExecuteOnSqliteAsync<T>(Func<IMeetingData, CancellationToken, Task<T>> work, bool queueFirst, CancellationToken cancellationToken)
    {
        // Read before the snapshot begins: any commit the snapshot does not include comes after, and moves it.
        var commits = Volatile.Read(ref _commits);
        await using var context = _contexts.Create();
        var queued = false;
        async Task EnterWriterAsync(CancellationToken ct)
        {
            await _writer.WaitAsync(ct);
            queued = true;
            if (!queueFirst && Volatile.Read(ref _commits) != commits)
            {
                throw new StaleSnapshot();
            }
        }

        try
        {
            DbTransaction transaction;
            if (queueFirst)
            {
                await EnterWriterAsync(cancellationToken);
                transaction = (await context.Database.BeginTransactionAsync(cancellationToken)).GetDbTransaction();
            }
            else
            {
                transaction = await BeginSnapshotAsync(context, cancellationToken);
            }

            await using (transaction)
            {
                var data = new MeetingData(context, _waiting, _contexts.Queries, queueFirst ? null : EnterWriterAsync);
                var result = await work(data, cancellationToken);
                await data.FlushAsync(cancellationToken);
                if (!queued)
                {
                    // Nothing saved: the snapshot answered.
                    return result;
                }

                await transaction.CommitAsync(cancellationToken);
                CommittedOnSqlite();
                data.Committed();
                return result;
            }
        }
        finally
        {
            if (queued)
            {
                _writer.Release();
            }
        }
    }

    /// <summary>
    /// A deferred transaction: it reads one WAL snapshot beside the writer, and takes the write lock only at its first
    /// write (EF's default on SQLite is BEGIN IMMEDIATE).
    /// </summary>
    private static async Task<DbTransaction> BeginSnapshotAsync(GcmDbContext context, CancellationToken cancellationToken)
    {
        await context.Database.OpenConnectionAsync(cancellationToken);
        var snapshot = ((SqliteConnection)context.Database.GetDbConnection()).BeginTransaction(deferred: true);
        await context.Database.UseTransactionAsync(snapshot, cancellationToken);
        return snapshot;
    }

    /// <summary>
    /// Called holding the writer, after a commit. Commits do not copy the WAL back into the database themselves
    /// (<see cref="SqlitePragmas"/>): that costs a file sync, and the writer would wait for it. A passive checkpoint runs
    /// in the background instead, beside the writer: every <see cref="CheckpointEvery"/> commits, and after each commit
    /// while the last one could not copy everything (commits came meanwhile), so that the WAL can start again from
    /// its beginning.
    /// </summary>
    private void CommittedOnSqlite()
    {
        if ((Interlocked.Increment(ref _commits) % CheckpointEvery == 0 || _checkpointBehind) && _checkpoint.IsCompleted)
        {
            _checkpoint = Task.Run(CheckpointAsync);
        }
    }

    private async Task CheckpointAsync()
    {
        try
        {
            await using var context = _contexts.Create();
            await context.Database.OpenConnectionAsync();
            await using var command = context.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
            await using var result = await command.ExecuteReaderAsync();

            // Its row: busy, frames in the WAL, frames copied into the database.
            _checkpointBehind = await result.ReadAsync() && result.GetInt64(1) > result.GetInt64(2);
        }
        catch (Exception failure)
        {
            // Nothing is lost: the WAL keeps the commits, and the next checkpoint copies them.
            LogCheckpointFailed(_logger, failure);
        }
    }

    /// <summary>
    /// SQLite refused to turn a snapshot into the write transaction: someone outside this store wrote since (another
    /// process on the same file, which the commit count cannot see). Microsoft.Data.Sqlite retries that for its command
    /// timeout first, so it is slow, but the work runs again and nothing is lost.
    /// </summary>
    private static bool IsBusySnapshot(Exception exception) =>
        (exception as SqliteException ?? exception.InnerException as SqliteException)?.SqliteExtendedErrorCode == SqliteBusySnapshot;

    /// <summary>Someone committed after the snapshot a unit of work read, before its turn at the writer.</summary>
    private sealed class StaleSnapshot : Exception;

    private static bool IsConflict(DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.SerializationFailure }
        || exception.InnerException is SqliteException { SqliteExtendedErrorCode: SqliteUniqueViolation or SqlitePrimaryKeyViolation };

    public void Dispose()
    {
        // The database file may be deleted next (tests do): the checkpoint must not be writing to it.
        _checkpoint.Wait();
        _writer.Dispose();
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "A background SQLite checkpoint failed; the next one will retry")]
    private static partial void LogCheckpointFailed(ILogger logger, Exception exception);
}
