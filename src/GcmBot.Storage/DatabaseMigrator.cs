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

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var context = _contexts.Create();
        var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            LogMigrating(_logger, _contexts.Provider, pending.Count);
            await context.Database.MigrateAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Applying {Count} migration(s) to the {Provider} database")]
    private static partial void LogMigrating(ILogger logger, StorageProvider provider, int count);
}
