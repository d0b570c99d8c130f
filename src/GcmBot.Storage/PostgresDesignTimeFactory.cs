using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace GcmBot.Storage;

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresGcmDbContext>
{
    public PostgresGcmDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresGcmDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
