namespace GcmBot.Storage.Tests;

public sealed class SqliteNoticeTests(SqliteDatabaseFixture fixture) : NoticeTests(fixture), IClassFixture<SqliteDatabaseFixture>;
