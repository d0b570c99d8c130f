using Npgsql;

namespace GcmBot.Scheduling.Tests;

/// <summary>The throwaway PostgreSQL server started by <c>./test.sh</c>; each test gets its own database on it.</summary>
internal static class PostgresServer
{
    public const string Variable = "GCMBOT_TEST_POSTGRES";

    /// <summary>The base connection string; fails loudly, never skips, when the server is not there.</summary>
    public static string BaseConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set, so the PostgreSQL scheduling tests have no server. "
                + "Run the tests with ./test.sh (it starts a throwaway PostgreSQL cluster and sets the variable), "
                + "e.g. ./test.sh --filter \"FullyQualifiedName~GcmBot.Scheduling.Tests\", or set " + Variable + " yourself.");

    public static async Task<string> CreateDatabaseAsync()
    {
        var database = $"gcmbot_sched_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(BaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
        await command.ExecuteNonQueryAsync();
        return database;
    }

    public static string ConnectionStringFor(string database, string applicationName) =>
        new NpgsqlConnectionStringBuilder(BaseConnectionString) { Database = database, ApplicationName = applicationName }.ConnectionString;

    public static async Task DropDatabaseAsync(string database)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(BaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
