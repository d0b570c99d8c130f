using Microsoft.EntityFrameworkCore;

namespace GcmBot.Storage;

public sealed class SqliteGcmDbContext : GcmDbContext
{
    public SqliteGcmDbContext(DbContextOptions<SqliteGcmDbContext> options)
        : base(options)
    {
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<InstantConverter.UtcTicks>();
}
