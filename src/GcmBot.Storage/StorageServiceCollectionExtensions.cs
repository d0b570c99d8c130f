using GcmBot.Core.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

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
}
