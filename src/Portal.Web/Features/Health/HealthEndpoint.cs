using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Distributed;
using Portal.Core.Text;
using Portal.Data;
using Portal.Data.Scheduling;
using Portal.Infrastructure.PublishedCache;
using Portal.Infrastructure.Scheduling;
using Portal.Infrastructure.Search;
using Portal.Web.Features.Hosting;

namespace Portal.Web.Features.Health;

internal static class HealthEndpoint
{
    public static void MapHealth(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/healthz", async (HealthReporter reporter, CancellationToken cancellationToken) =>
        {
            var report = await reporter.ReportAsync(cancellationToken);
            // Only an outage answers 503. "degraded" (a late scheduled publish, Redis gone) still serves pages, and the
            // database is shared, so every node would report it: a 503 would make the load balancer drop the whole site.
            return Results.Json(report, statusCode: report.Status == "unhealthy" ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
        });
}

/// <summary><see cref="Status"/>: <c>healthy</c>, <c>degraded</c> (a component is degraded; still HTTP 200) or <c>unhealthy</c> (503).</summary>
public sealed record HealthReport(string Status, ComponentHealth Database, ComponentHealth Cache, ComponentHealth Search, SchedulerHealth Scheduler,
    int PublishedDocuments, double UptimeSeconds);

public sealed record ComponentHealth(string Status, string Detail);

/// <summary>The scheduler's promise: <see cref="Overdue"/> counts scheduled publishes and unpublishes more than 60 s late.</summary>
public sealed record SchedulerHealth(string Status, string Detail, int Overdue, Guid? OldestDocumentKey, DateTimeOffset? OldestDueAt);

/// <summary>What an operator needs at a glance: can we reach the database, which cache levels run, how long we have been up.</summary>
internal sealed class HealthReporter(IServiceProvider services, IConfiguration configuration, PortalOptions options, PublishedRouteTree routes,
    ScheduleQueries schedule, SearchIndexes searchIndexes, TimeProvider clock)
{
    private static readonly long StartedAt = Stopwatch.GetTimestamp();

    public async Task<HealthReport> ReportAsync(CancellationToken cancellationToken)
    {
        var database = await DatabaseAsync(cancellationToken);
        var cache = await CacheAsync(cancellationToken);
        var healthy = database.Status == "healthy";
        var scheduler = healthy
            ? await SchedulerAsync(cancellationToken)
            : new SchedulerHealth("unknown", "Không đọc được lịch khi cơ sở dữ liệu không kết nối được.", 0, null, null);
        var search = Search();
        var degraded = cache.Status == "degraded" || scheduler.Status == "degraded" || search.Status == "degraded";
        return new HealthReport(
            !healthy ? "unhealthy" : degraded ? "degraded" : "healthy",
            database,
            cache,
            search,
            scheduler,
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

    private async Task<SchedulerHealth> SchedulerAsync(CancellationToken cancellationToken)
    {
        try
        {
            var overdue = await schedule.OverdueAsync(clock.GetUtcNow().UtcDateTime - SchedulerOptions.Promise, cancellationToken);
            if (overdue is not { Count: > 0, OldestDocumentKey: { } key, OldestDueAt: { } due })
            {
                return new SchedulerHealth("healthy", "Không có lịch xuất bản hay gỡ xuất bản nào trễ quá 60 giây.", 0, null, null);
            }

            var dueAt = VietnamTime.WithOffset(due);
            var detail = string.Create(CultureInfo.InvariantCulture,
                $"{overdue.Count} lịch xuất bản/gỡ xuất bản đã trễ quá 60 giây; lâu nhất là trang {key}, đến hạn lúc {dueAt:dd/MM/yyyy HH:mm}.");
            return new SchedulerHealth("degraded", detail, overdue.Count, key, dueAt);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new SchedulerHealth("unknown", "Không đọc được lịch: " + ex.GetType().Name, 0, null, null);
        }
    }

    /// <summary>
    /// Healthy when both indexes answer from Lucene. While one is built or unusable searches still answer (from the old index or
    /// the title matcher), so it is only degraded: each node has its own index, and taking it out of the balancer would not help.
    /// </summary>
    private ComponentHealth Search()
    {
        var states = searchIndexes.States;
        var detail = string.Join("; ", states.OrderBy(s => s.Name == "public" ? 0 : 1).Select(SearchDetail));
        return new ComponentHealth(states.All(s => s.Health == SearchIndexHealth.Ready) ? "healthy" : "degraded", detail);
    }

    private static string SearchDetail(SearchIndexState state)
    {
        var vietnamese = CultureInfo.GetCultureInfo("vi-VN");
        var name = state.Name switch
        {
            "public" => "công khai",
            "backoffice" => "quản trị",
            _ => state.Name,
        };
        var documents = string.Create(vietnamese, $"{state.Documents:N0} tài liệu");
        return state.Health switch
        {
            SearchIndexHealth.Ready when state.Rebuild is { } rebuild =>
                string.Create(vietnamese, $"{name}: {documents}, đang dựng lại {rebuild.Done:N0}/{rebuild.Total:N0}"),
            SearchIndexHealth.Ready => $"{name}: {documents}",
            SearchIndexHealth.Building when state.Rebuild is { } rebuild =>
                string.Create(vietnamese, $"{name}: đang xây dựng ({rebuild.Done:N0}/{rebuild.Total:N0} tài liệu)"),
            SearchIndexHealth.Building => $"{name}: đang xây dựng",
            _ => $"{name}: không dùng được" + (state.Detail.Length > 0 ? $" ({state.Detail})" : string.Empty),
        };
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
