namespace GcmBot.Core.Data;

/// <summary>Runs work in one transaction that commits only when the work returns normally.</summary>
public interface IMeetingStore
{
    Task<T> ExecuteAsync<T>(Func<IMeetingData, CancellationToken, Task<T>> work, CancellationToken cancellationToken);

    /// <summary>
    /// Runs read-only work on a consistent snapshot without waiting for the writer; nothing it changes
    /// is saved.
    /// </summary>
    Task<T> ReadAsync<T>(Func<IMeetingData, CancellationToken, Task<T>> work, CancellationToken cancellationToken);
}
