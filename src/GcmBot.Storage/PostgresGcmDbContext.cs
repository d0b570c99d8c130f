using Microsoft.EntityFrameworkCore;

namespace GcmBot.Storage;

public sealed class PostgresGcmDbContext : GcmDbContext
{
    public PostgresGcmDbContext(DbContextOptions<PostgresGcmDbContext> options)
        : base(options)
    {
    }
}
