using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Portal.Data.PostgreSql;

public static class PostgreSqlDatabase
{
    public static DbContextOptionsBuilder Use(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(typeof(PostgreSqlDatabase).Assembly.GetName().Name));
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the web host or a running server.</summary>
internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args) =>
        new((DbContextOptions<PortalDbContext>)PostgreSqlDatabase.Use(new DbContextOptionsBuilder<PortalDbContext>(),
            "Host=localhost;Database=portal_design;Username=postgres").Options);
}
