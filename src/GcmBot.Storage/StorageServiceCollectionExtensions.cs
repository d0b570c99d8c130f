using GcmBot.Core.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GcmBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>EF Core storage: SQLite by default, PostgreSQL with <c>Storage:Provider=Postgres</c>. Migrates at start.</summary>
    public static IServiceCollection AddGcmStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<StorageOptions>(configuration.GetSection(StorageOptions.SectionName));
        services.AddSingleton<GcmContextFactory>();
        services.AddSingleton<IMeetingStore, MeetingStore>();
        services.AddHostedService<DatabaseMigrator>();
        return services;
    }

    /// <summary>Applies pending migrations now, as the host does at start: for a command line that does not start the host.</summary>
    public static Task MigrateGcmDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetServices<IHostedService>().OfType<DatabaseMigrator>().Single().StartAsync(cancellationToken);
}
