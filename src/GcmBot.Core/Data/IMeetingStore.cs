namespace GcmBot.Core.Data;

/// <summary>Runs work in one transaction that commits only when the work returns normally.</summary>
public interface IMeetingStore
{
    /// <summary>
    /// Runs work that may write, as if one unit of work at a time, and may run it again (it must not act outside the
    /// store before it returns). Its saves are committed in the order the units reach the writer, and what a unit read
    /// before its first save is still the latest state when that save is made.
    /// </summary>
    Task<T> ExecuteAsync<T>(Func<IMeetingData, CancellationToken, Task<T>> work, CancellationToken cancellationToken);

    /// <summary>
    /// Runs read-only work on a consistent snapshot without waiting for the writer; nothing it changes
    /// is saved.
    /// </summary>
    Task<T> ReadAsync<T>(Func<IMeetingData, CancellationToken, Task<T>> work, CancellationToken cancellationToken);

    /// <summary>
    /// Marks a due, pending notice fired in one conditional update: true for exactly one caller, however
    /// many timers and instances race. Needs no writer lock, so a burst of deadlines does not queue.
    /// </summary>
    Task<bool> TryClaimNoticeAsync(long noticeId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Commits a write of its own, which the meeting never sees, to learn whether writes work now: throws when they do
    /// not (a full disk, the database down). A read can succeed while every write fails.
    /// </summary>
    Task ProbeWritesAsync(CancellationToken cancellationToken);
}
