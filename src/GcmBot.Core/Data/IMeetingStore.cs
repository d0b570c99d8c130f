namespace GcmBot.Core.Data;

/// <summary>Runs work in one transaction that commits only when the work returns normally.</summary>
public interface IMeetingStore
{
    Task<T> ExecuteAsync<T>(Func<IMeetingData, CancellationToken, Task<T>> work, CancellationToken cancellationToken);
}
