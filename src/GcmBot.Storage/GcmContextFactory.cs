using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GcmBot.Storage;

/// <summary>Creates the context of the configured provider; options are built once.</summary>
public sealed class GcmContextFactory
{
    private readonly Func<GcmDbContext> _create;

    public GcmContextFactory(IOptions<StorageOptions> options)
    {
        var settings = options.Value;
        Provider = settings.Provider;
        if (Provider == StorageProvider.Postgres)
        {
            var built = new DbContextOptionsBuilder<PostgresGcmDbContext>().UseNpgsql(settings.ConnectionString).Options;
            _create = () => new PostgresGcmDbContext(built);
        }
        else
        {
            var built = new DbContextOptionsBuilder<SqliteGcmDbContext>()
                .UseSqlite(settings.ConnectionString)
                .AddInterceptors(new SqlitePragmas())
                .Options;
            _create = () => new SqliteGcmDbContext(built);
        }
    }

    public StorageProvider Provider { get; }

    public GcmDbContext Create() => _create();
}
