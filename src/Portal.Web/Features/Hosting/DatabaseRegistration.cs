using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.PostgreSql;
using Portal.Data.Sqlite;

namespace Portal.Web.Features.Hosting;

internal static class DatabaseRegistration
{
    public static IServiceCollection AddPortalDatabase(this IServiceCollection services, IConfiguration configuration, PortalOptions options,
        PortalPaths paths)
    {
        var connectionString = configuration.GetConnectionString("Portal");
        if (options.Database.Provider == DatabaseProvider.PostgreSql)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException(
                    "Portal:Database:Provider là PostgreSql nhưng chưa có ConnectionStrings:Portal (ví dụ Host=127.0.0.1;Database=portal;Username=portal;Password=…).");
            }

            services.AddDbContextFactory<PortalDbContext>(o => PostgreSqlDatabase.Use(o, connectionString));
        }
        else
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                Directory.CreateDirectory(paths.DataDirectory);
                connectionString = $"Data Source={Path.Combine(paths.DataDirectory, "portal.db")}";
            }

            services.AddDbContextFactory<PortalDbContext>(o => SqliteDatabase.Use(o, connectionString));
        }

        return services;
    }

    /// <summary>Applies pending migrations; on SQLite also switches to WAL so readers never wait for a writer.</summary>
    /// <returns>How many migrations were applied.</returns>
    public static async Task<int> MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var contexts = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        // Reading the history is cheap; MigrateAsync takes a write lock even when there is nothing to apply.
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        if (pending > 0)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        return pending;
    }
}
