using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Data;
using Portal.Data.Outbox;
using Portal.Infrastructure.Outbox;
using Portal.Infrastructure.PublishedCache;
using Portal.Infrastructure.Usync;

namespace Portal.Infrastructure.Startup;

public sealed class ContentStartupOptions
{
    /// <summary>The uSync folder holding ContentTypes, DataTypes and Content (the schema as code, and the seed).</summary>
    public string UsyncFolder { get; set; } = string.Empty;

    /// <summary><c>Portal:SeedDemoContent</c>: import uSync/v17/Content on the first start of an empty database.</summary>
    public bool SeedDemoContent { get; set; } = true;
}

/// <summary>
/// Brings a node's content side up: schema from uSync (idempotent by Key), seed content on an empty
/// database, the route tree from the database, then the outbox from where this node's state begins.
/// </summary>
public sealed partial class ContentStartup(
    IDbContextFactory<PortalDbContext> contexts,
    UsyncSchemaImporter schemaImporter,
    DemoContentSeeder seeder,
    StartupCaches caches,
    ILogger<ContentStartup> logger)
{
    public async Task RunAsync(ContentStartupOptions options, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var seed = options.SeedDemoContent && !await HasDocumentsAsync(cancellationToken);
        WarmedRoutes routes;
        if (seed)
        {
            await ImportSchemaAsync(options, cancellationToken);
            await seeder.SeedAsync(options.UsyncFolder, cancellationToken);
            routes = await caches.WarmAsync(cancellationToken);
            await seeder.SeedForumAsync(cancellationToken);
        }
        else
        {
            // The route tree does not depend on the schema: on a restart both load side by side.
            var schema = Task.Run(() => ImportSchemaAsync(options, cancellationToken), cancellationToken);
            var warming = Task.Run(() => caches.WarmAsync(cancellationToken), cancellationToken);
            await Task.WhenAll(schema, warming);
            routes = await warming;
        }

        LogReady(logger, routes.Live, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds, routes.ReadTime.TotalMilliseconds);
    }

    private async Task ImportSchemaAsync(ContentStartupOptions options, CancellationToken cancellationToken)
    {
        var schema = await schemaImporter.ImportAsync(options.UsyncFolder, cancellationToken);
        LogReport(logger, "schema", schema.Summary);
        foreach (var warning in schema.Warnings)
        {
            LogWarning(logger, warning);
        }
    }

    private async Task<bool> HasDocumentsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Documents.AnyAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "uSync {Part} import: {Summary}")]
    private static partial void LogReport(ILogger logger, string part, string summary);

    [LoggerMessage(Level = LogLevel.Warning, Message = "uSync: {Warning}")]
    private static partial void LogWarning(ILogger logger, string warning);

    [LoggerMessage(Level = LogLevel.Information, Message = "Content ready in {ElapsedMs:0} ms: schema checked, route tree of {Live} live documents (read in {QueryMs:0} ms)")]
    private static partial void LogReady(ILogger logger, int live, double elapsedMs, double queryMs);
}
/// <summary>Loads this node's in-memory state and lines the outbox up behind it.</summary>
public sealed class StartupCaches(OutboxStore outbox, OutboxDispatcher dispatcher, PublishedRouteTree routes, Search.SearchIndexes search)
{
    public async Task<WarmedRoutes> WarmAsync(CancellationToken cancellationToken)
    {
        // Read the outbox position first: any event after it is applied again, and applying twice is harmless.
        var lastId = await outbox.LastIdAsync(cancellationToken);
        await routes.RebuildAsync(cancellationToken);
        // The indexes say where their saved state left the outbox before the node consumers are lined up.
        await search.OpenAsync(cancellationToken);
        dispatcher.StartNodeConsumers(lastId);
        await dispatcher.DispatchPendingAsync(cancellationToken);
        return new WarmedRoutes(routes.Count, routes.LastRebuildQuery);
    }
}

/// <summary>How many live documents the route tree holds, and how long reading them took.</summary>
public sealed record WarmedRoutes(int Live, TimeSpan ReadTime);
