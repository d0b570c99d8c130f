using Npgsql;

namespace GcmBot.Storage.Tests;

/// <summary>
/// The throwaway PostgreSQL server started by <c>./test.sh</c>; each fixture gets its own database on it.
/// Also compiled into the scheduling tests (linked, not copied).
/// </summary>
internal static class PostgresServer
{
    public const string Variable = "GCMBOT_TEST_POSTGRES";

    /// <summary>The base connection string; fails loudly, never skips, when the server is not there.</summary>
    public static string BaseConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set, so the PostgreSQL tests have no server. "
                + "Run the tests with ./test.sh (it starts a throwaway PostgreSQL cluster and sets the variable), "
                + $"e.g. ./test.sh --filter \"FullyQualifiedName~GcmBot.Storage.Tests\", or set {Variable} yourself.");

    public static string NewDatabaseName() => $"gcmbot_test_{Guid.NewGuid():N}";

    public static string ConnectionStringFor(string database, string applicationName, int maxPoolSize) =>
        new NpgsqlConnectionStringBuilder(BaseConnectionString)
        {
            Database = database,
            ApplicationName = applicationName,
            MaxPoolSize = maxPoolSize,

            // Waiting for a pooled connection counts against this; the concurrency tests queue 200 units of work.
            Timeout = 60,
        }.ConnectionString;

    public static async Task CreateDatabaseAsync(string database)
    {
        await using var connection = new NpgsqlConnection(BaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task DropDatabaseAsync(string database)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(BaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
