using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GcmBot.Storage.Tests;

/// <summary>One freshly migrated database per test class, on one provider.</summary>
public abstract class DatabaseFixture : IAsyncLifetime
{
    private MeetingStore? _store;
    private GcmContextFactory? _factory;

    public abstract StorageProvider Provider { get; }

    public GcmContextFactory Factory => _factory ?? throw new InvalidOperationException("The database was not created.");

    public MeetingStore Store => _store ?? throw new InvalidOperationException("The database was not created.");

    /// <summary>A factory with its own connection pool, as a separate host instance would have.</summary>
    public GcmContextFactory CreateFactory(string hostName) =>
        new(Options.Create(new StorageOptions { Provider = Provider, ConnectionString = ConnectionStringFor(hostName), PoolSize = PoolSize }));

    public async Task InitializeAsync()
    {
        await CreateDatabaseAsync();
        _factory = CreateFactory("fixture");
        await using var context = _factory.Create();
        await context.Database.MigrateAsync();
        _store = new MeetingStore(_factory);
    }

    public async Task DisposeAsync()
    {
        _store?.Dispose();
        await DropDatabaseAsync();
    }

    /// <summary>Another empty database on the same provider, for a test that must change its schema (created by <see cref="InitializeAsync"/>).</summary>
    public abstract DatabaseFixture Another();

    /// <summary>The most connections each factory's pool opens (PostgreSQL).</summary>
    protected virtual int PoolSize => new StorageOptions().PoolSize;

    protected abstract string ConnectionStringFor(string hostName);

    protected abstract Task CreateDatabaseAsync();

    protected abstract Task DropDatabaseAsync();
}
