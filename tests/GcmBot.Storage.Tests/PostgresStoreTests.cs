namespace GcmBot.Storage.Tests;

public sealed class PostgresStoreTests(PostgresDatabaseFixture fixture) : StoreTests(fixture), IClassFixture<PostgresDatabaseFixture>;
