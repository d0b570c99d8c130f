using Npgsql;

namespace GcmBot.Storage;

public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary><c>Sqlite</c> (default, a local file) or <c>Postgres</c> (shared by several host instances).</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    public string ConnectionString { get; set; } = "Data Source=gcmbot.db";

    /// <summary>
    /// The most PostgreSQL connections one instance opens: its commands (one at a time, queued in process), its reads
    /// and Hangfire share them. N instances need N × this within the server's <c>max_connections</c>.
    /// </summary>
    public int PoolSize { get; set; } = 20;

    /// <summary>
    /// <see cref="ConnectionString"/> with the pool capped at <see cref="PoolSize"/>: the one string the store and
    /// Hangfire use, so that they share one pool (Npgsql keeps a pool per connection string).
    /// </summary>
    public string PostgresConnectionString => new NpgsqlConnectionStringBuilder(ConnectionString) { MaxPoolSize = PoolSize }.ConnectionString;
}
