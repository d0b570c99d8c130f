namespace GcmBot.Storage.Tests;

/// <summary>A uniquely named database on the server from <c>GCMBOT_TEST_POSTGRES</c>, dropped afterwards.</summary>
public sealed class PostgresDatabaseFixture : DatabaseFixture
{
    private readonly string _database = PostgresServer.NewDatabaseName();
    private bool _created;

    public override StorageProvider Provider => StorageProvider.Postgres;

    public override DatabaseFixture Another() => new PostgresDatabaseFixture();

    // Each host name is its own pool, like a separate process; kept small so parallel test projects fit max_connections.
    protected override int PoolSize => PostgresServer.StorePoolSize;

    protected override string ConnectionStringFor(string hostName) =>
        PostgresServer.ConnectionStringFor(_database, $"gcmbot-tests-{hostName}");

    protected override async Task CreateDatabaseAsync()
    {
        await PostgresServer.CreateDatabaseAsync(_database);
        _created = true;
    }

    protected override async Task DropDatabaseAsync()
    {
        if (_created)
        {
            await PostgresServer.DropDatabaseAsync(_database);
        }
    }
}
