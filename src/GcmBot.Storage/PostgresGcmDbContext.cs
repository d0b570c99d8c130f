using Microsoft.EntityFrameworkCore;

namespace GcmBot.Storage;

public sealed class PostgresGcmDbContext : GcmDbContext
{
    public PostgresGcmDbContext(DbContextOptions<PostgresGcmDbContext> options)
        : base(options)
    {
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<InstantConverter.Utc>();
}
