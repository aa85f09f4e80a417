using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Distributed;
using Portal.Data;
using Portal.Infrastructure.PublishedCache;
using Portal.Web.Features.Hosting;

namespace Portal.Web.Features.Health;

internal static class HealthEndpoint
{
    public static void MapHealth(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/healthz", async (HealthReporter reporter, CancellationToken cancellationToken) =>
        {
            var report = await reporter.ReportAsync(cancellationToken);
            return Results.Json(report, statusCode: report.Status == "healthy" ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
}

public sealed record HealthReport(string Status, ComponentHealth Database, ComponentHealth Cache, ComponentHealth Search, int PublishedDocuments,
    double UptimeSeconds);

public sealed record ComponentHealth(string Status, string Detail);

/// <summary>What an operator needs at a glance: can we reach the database, which cache levels run, how long we have been up.</summary>
internal sealed class HealthReporter(IServiceProvider services, IConfiguration configuration, PortalOptions options, PublishedRouteTree routes)
{
    private static readonly long StartedAt = Stopwatch.GetTimestamp();

    public async Task<HealthReport> ReportAsync(CancellationToken cancellationToken)
    {
        var database = await DatabaseAsync(cancellationToken);
        var cache = await CacheAsync(cancellationToken);
        var healthy = database.Status == "healthy";
        return new HealthReport(
            healthy ? "healthy" : "unhealthy",
            database,
            cache,
            new ComponentHealth("not-configured", "Tìm kiếm chưa được bật ở phiên bản này."),
            routes.Count,
            Math.Round(Stopwatch.GetElapsedTime(StartedAt).TotalSeconds, 1));
    }

    private async Task<ComponentHealth> DatabaseAsync(CancellationToken cancellationToken)
    {
        try
        {
            var contexts = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            return await db.Database.CanConnectAsync(timeout.Token)
                ? new ComponentHealth("healthy", options.Database.Provider.ToString())
                : new ComponentHealth("unhealthy", $"{options.Database.Provider}: không kết nối được cơ sở dữ liệu.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new ComponentHealth("unhealthy", $"{options.Database.Provider}: {ex.GetType().Name}");
        }
    }

    private async Task<ComponentHealth> CacheAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(configuration.GetConnectionString("Redis")))
        {
            return new ComponentHealth("healthy", "memory");
        }

        // Registered by ConnectionStrings:Redis as HybridCache's second level.
        var redis = services.GetRequiredService<IDistributedCache>();

        try
        {
            await redis.GetAsync("portal:health", cancellationToken);
            return new ComponentHealth("healthy", "memory+redis");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Pages still render from memory and the database; only the shared level is missing.
            return new ComponentHealth("degraded", "memory; Redis không phản hồi: " + ex.GetType().Name);
        }
    }
}
