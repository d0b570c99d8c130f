using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace GcmBot.Storage;

/// <summary>Lets <c>dotnet ef migrations add</c> build each provider's context without the host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteGcmDbContext>
{
    public SqliteGcmDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteGcmDbContext>().UseSqlite("Data Source=design.db").Options);
}
