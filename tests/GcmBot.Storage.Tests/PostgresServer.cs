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

    /// <summary>
    /// A database's connection string for one (pretend) instance; its pool size comes from <c>Storage:PoolSize</c>.
    /// The whole suite runs on the server's default <c>max_connections=100</c>, 3 of them reserved for superusers, with
    /// the three assemblies at once: the deployment tests' two hosts take 2 × 20 (the default), the scheduling tests'
    /// two hosts 2 × <see cref="HostPoolSize"/>, the storage tests' two classes at a time up to four pools each of
    /// <see cref="StorePoolSize"/>, and each process one more for creating and dropping databases: 40 + 16 + 24 + 3 = 83.
    /// </summary>
    public static string ConnectionStringFor(string database, string applicationName) =>
        new NpgsqlConnectionStringBuilder(BaseConnectionString)
        {
            Database = database,
            ApplicationName = applicationName,

            // Waiting for a pooled connection counts against this; the concurrency tests read 200 times at once.
            Timeout = 60,
        }.ConnectionString;

    /// <summary>The pool of one host in the scheduling tests.</summary>
    public const int HostPoolSize = 8;

    /// <summary>The pool of one store (one pretend instance) in the storage tests.</summary>
    public const int StorePoolSize = 3;

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
