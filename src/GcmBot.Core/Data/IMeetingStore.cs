namespace GcmBot.Core.Data;

/// <summary>Runs work in one transaction that commits only when the work returns normally.</summary>
public interface IMeetingStore
{
    /// <summary>
    /// Runs work that may write, one unit of work at a time, in the order they reach the writer, and may run it again
    /// (it must not act outside the store before it returns). The look-ups that say who is asking (meeting,
    /// participant, channel binding, delegation by id) may run before the work's turn; everything else sees the
    /// latest committed state.
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
}
