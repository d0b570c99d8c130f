using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GcmBot.Storage;

/// <summary>Applies pending migrations before the host starts serving.</summary>
internal sealed partial class DatabaseMigrator : IHostedService
{
    private readonly GcmContextFactory _contexts;
    private readonly ILogger<DatabaseMigrator> _logger;

    public DatabaseMigrator(GcmContextFactory contexts, ILogger<DatabaseMigrator> logger)
    {
        _contexts = contexts;
        _logger = logger;
    }

    /// <summary>Key of the session advisory lock that instances starting together take in turn to migrate.</summary>
    private const long MigrationLockKey = 0x6763_6D62_6F74_6D; // "gcmbotm"

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var context = _contexts.Create();
        var postgres = _contexts.Provider == StorageProvider.Postgres;

        // Replicas of a shared deployment start together; EF Core's own migration lock does not stop two
        // of them applying the same migration on PostgreSQL, so they queue on an advisory lock.
        await context.Database.OpenConnectionAsync(cancellationToken);
        if (postgres)
        {
            await context.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({MigrationLockKey})", cancellationToken);
        }

        try
        {
            var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                LogMigrating(_logger, _contexts.Provider, pending.Count);
                await context.Database.MigrateAsync(cancellationToken);
            }
        }
        finally
        {
            if (postgres)
            {
                await context.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None);
            }

            await context.Database.CloseConnectionAsync();
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Applying {Count} migration(s) to the {Provider} database")]
    private static partial void LogMigrating(ILogger logger, StorageProvider provider, int count);
}
