namespace GcmBot.Storage.Tests;

public sealed class SqliteStoreTests(SqliteDatabaseFixture fixture) : StoreTests(fixture), IClassFixture<SqliteDatabaseFixture>;
