namespace GcmBot.Storage;

public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary><c>Sqlite</c> (default, a local file) or <c>Postgres</c> (shared by several host instances).</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    public string ConnectionString { get; set; } = "Data Source=gcmbot.db";
}
