namespace GcmBot.Storage.Tests;

public sealed class PostgresNoticeTests(PostgresDatabaseFixture fixture) : NoticeTests(fixture), IClassFixture<PostgresDatabaseFixture>;
