using Microsoft.Data.Sqlite;

namespace GcmBot.Storage.Tests;

/// <summary>A temporary SQLite file, deleted (with its WAL files) afterwards.</summary>
public sealed class SqliteDatabaseFixture : DatabaseFixture
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"gcmbot_test_{Guid.NewGuid():N}.db");

    public override StorageProvider Provider => StorageProvider.Sqlite;

    public override DatabaseFixture Another() => new SqliteDatabaseFixture();

    protected override string ConnectionStringFor(string hostName) => $"Data Source={_path}";

    protected override Task CreateDatabaseAsync() => Task.CompletedTask;

    protected override Task DropDatabaseAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }

        return Task.CompletedTask;
    }
}
