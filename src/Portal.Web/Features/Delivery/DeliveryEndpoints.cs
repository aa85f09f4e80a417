using System.Text.Json.Nodes;
using Microsoft.Extensions.Primitives;
using Portal.Data.Content;
using Portal.Infrastructure.Caching;
using Portal.Infrastructure.Delivery;
using Portal.Infrastructure.Procedures;
using Portal.Infrastructure.PublishedCache;
using Portal.Web.Features.OutputCaching;

namespace Portal.Web.Features.Delivery;

/// <summary>
/// Umbraco's Content Delivery API v2: same routes, query grammar, headers, JSON shapes and error titles, so a
/// front end written for Umbraco reads Portal unchanged.
/// </summary>
public static class DeliveryEndpoints
{
    public const string BasePath = "/umbraco/delivery/api/v2";

    public static IServiceCollection AddDelivery(this IServiceCollection services)
    {
        services.AddSingleton<DeliverySettingsAccessor>();
        services.AddDeliveryOpenApi();
        return services;
    }

    public static WebApplication MapDelivery(this WebApplication app)
    {
        var content = app.MapGroup(BasePath + "/content")
            .AddEndpointFilter(DeliveryAccess.Content)
            .CacheOutput(OutputCachePolicies.DeliveryApi)
            .WithGroupName(DeliveryOpenApi.DocumentName)
            .WithTags("Content");
        content.MapGet("/", QueryAsync).WithName("GetContent").WithSummary("Queries published content: fetch, filter, sort, skip, take.");
        content.MapGet("/item/{id:guid}", ItemByIdAsync).WithName("GetContentItemById").WithSummary("One content item by its key.");
        content.MapGet("/item/{**path}", ItemByPathAsync).WithName("GetContentItemByPath").WithSummary("One content item by its route.");
        content.MapGet("/items", ItemsAsync).WithName("GetContentItems").WithSummary("Several content items by key.");
        app.MapDeliveryMedia();
        app.MapDeliveryOpenApi();
        return app;
    }

    private static async Task<IResult> QueryAsync(HttpContext context, ContentQueryExecutor executor, DeliveryContentBuilder builder,
        PublishedRouteTree routes, DeliverySettingsAccessor settings, string? fetch, CancellationToken cancellationToken)
    {
        if (DeliveryRequest.From(context, routes, settings.Current) is not { } request)
        {
            return DeliveryProblems.StartItemNotFound();
        }

        var query = RawQuery(context);
        var status = ContentQueryParser.TryParse(fetch, Values(query.GetValueOrDefault("filter")), Values(query.GetValueOrDefault("sort")),
            IntOr(query.GetValueOrDefault("skip"), 0), IntOr(query.GetValueOrDefault("take"), 10), out var parsed);
        if (status != ContentQueryStatus.Success)
        {
            return DeliveryProblems.For(status);
        }

        var preview = context.RequestServices.GetRequiredService<DeliveryPreview>();
        var drafts = request.Preview ? await preview.DraftsAsync(cancellationToken) : [];
        var draftsByKey = drafts.ToDictionary(d => d.Node.Key);
        var procedures = ContentQueryExecutor.NeedsProcedures(parsed)
            ? await context.RequestServices.GetRequiredService<ProcedureCatalog>().CurrentAsync(cancellationToken)
            : null;
        var result = executor.Run(parsed, request.StartItem, request.Shape.Exposure, drafts, procedures);
        var items = new JsonArray();
        foreach (var node in result.Items)
        {
            var item = draftsByKey.TryGetValue(node.Key, out var draft)
                ? await preview.ItemAsync(draft, cancellationToken)
                : await ItemAsync(node, request, builder, cancellationToken);
            if (item is not null)
            {
                items.Add(await builder.WriteAsync(item, request.Shape, cancellationToken));
            }
        }

        OutputCacheTagging.Add(context, QueryTags(parsed, request, executor, routes).Concat(NestedItemTags(items, routes)));
        return Ok(new JsonObject { ["total"] = result.Total, ["items"] = items }, context);
    }

    private static async Task<IResult> ItemByIdAsync(HttpContext context, Guid id, DeliveryContentBuilder builder, DeliveryPreview preview,
        PublishedRouteTree routes, DeliverySettingsAccessor settings, CancellationToken cancellationToken)
    {
        if (DeliveryRequest.From(context, routes, settings.Current) is not { } request)
        {
            return DeliveryProblems.StartItemNotFound();
        }

        var item = request.Preview
            ? await preview.FindAsync(id, cancellationToken)
            : routes.Find(id) is { } node ? await ItemAsync(node, request, builder, cancellationToken) : null;
        return await ItemResultAsync(context, item, request, builder, cancellationToken);
    }

    private static async Task<IResult> ItemByPathAsync(HttpContext context, string? path, DeliveryContentBuilder builder, DeliveryPreview preview,
        PublishedRouteTree routes, DeliverySettingsAccessor settings, CancellationToken cancellationToken)
    {
        if (DeliveryRequest.From(context, routes, settings.Current) is not { } request)
        {
            return DeliveryProblems.StartItemNotFound();
        }

        var route = Uri.UnescapeDataString(path ?? string.Empty);
        var item = request.Preview
            ? await preview.ResolveAsync(route, request.StartItem?.Key, cancellationToken)
            : routes.Resolve(route, request.StartItem?.Key) is { } node ? await ItemAsync(node, request, builder, cancellationToken) : null;
        return await ItemResultAsync(context, item, request, builder, cancellationToken);
    }

    private static async Task<IResult> ItemsAsync(HttpContext context, DeliveryContentBuilder builder, DeliveryPreview preview,
        PublishedRouteTree routes, DeliverySettingsAccessor settings, CancellationToken cancellationToken)
    {
        if (DeliveryRequest.From(context, routes, settings.Current) is not { } request)
        {
            return DeliveryProblems.StartItemNotFound();
        }

        var items = new JsonArray();
        var shown = new List<PublishedNode>();
        foreach (var value in Values(RawQuery(context).GetValueOrDefault("id")).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (!Guid.TryParse(value, out var key))
            {
                continue;
            }

            var item = request.Preview
                ? await preview.FindAsync(key, cancellationToken)
                : routes.Find(key) is { } node ? await ItemAsync(node, request, builder, cancellationToken) : null;
            if (item is not null && request.Shape.Exposure.Exposes(item.Node.ContentTypeAlias))
            {
                shown.Add(item.Node);
                items.Add(await builder.WriteAsync(item, request.Shape, cancellationToken));
            }
        }

        OutputCacheTagging.Add(context, shown.SelectMany(n => ContentCacheTags.BranchOf(n.Key, routes)).Concat(NestedItemTags(items, routes)));
        return Ok(items, context);
    }

    private static async Task<IResult> ItemResultAsync(HttpContext context, DeliveryItem? item, DeliveryRequest request, DeliveryContentBuilder builder,
        CancellationToken cancellationToken)
    {
        if (item is null || !request.Shape.Exposure.Exposes(item.Node.ContentTypeAlias)
            || (request.StartItem is { } start && item.Route.StartItemKey != start.Key))
        {
            return DeliveryProblems.NotFound();
        }

        var json = await builder.WriteAsync(item, request.Shape, cancellationToken);
        var routes = context.RequestServices.GetRequiredService<PublishedRouteTree>();
        OutputCacheTagging.Add(context, ContentCacheTags.BranchOf(item.Node.Key, routes).Concat(NestedItemTags(json["properties"], routes)));
        return Ok(json, context);
    }

    /// <summary>A live item reachable from the request's start item; null when it is not live or outside that site.</summary>
    private static async Task<DeliveryItem?> ItemAsync(PublishedNode node, DeliveryRequest request, DeliveryContentBuilder builder,
        CancellationToken cancellationToken) =>
        await builder.LiveItemAsync(node, cancellationToken) is { } item
        && (request.StartItem is null || item.Route.StartItemKey == request.StartItem.Key) ? item : null;

    private static IEnumerable<string> QueryTags(ContentQuery query, DeliveryRequest request, ContentQueryExecutor executor, PublishedRouteTree routes)
    {
        var target = query.Selector is { } selector ? executor.Find(selector.Target, request.StartItem) : null;
        switch (query.Selector?.Kind)
        {
            case SelectorKind.Children or SelectorKind.Descendants when target is not null:
                yield return ContentCacheTags.Subtree(target.Key);
                break;
            case SelectorKind.Ancestors when target is not null:
                foreach (var tag in ContentCacheTags.BranchOf(target.Key, routes))
                {
                    yield return tag;
                }

                break;
            case null:
                var types = query.Filters.Where(f => f.Field == FilterField.ContentType && f.Operator == FilterOperator.Is).ToList();
                var narrowed = types.Count > 0 ? types.SelectMany(f => f.Values).Select(ContentCacheTags.ContentType)
                    : (request.StartItem is { } start ? [start] : routes.Roots).Select(r => ContentCacheTags.Subtree(r.Key));
                foreach (var tag in narrowed)
                {
                    yield return tag;
                }

                break;
            default:
                // The target is not live yet: the list is empty until a publish, which evicts the parent chain's subtrees.
                foreach (var root in routes.Roots)
                {
                    yield return ContentCacheTags.Subtree(root.Key);
                }

                break;
        }

        foreach (var unit in query.Filters.Where(f => f.Field == FilterField.Unit).SelectMany(f => f.Keys))
        {
            yield return ContentCacheTags.Unit(unit);
            yield return ContentCacheTags.UnitLists;
        }

        // A procedure's facts and status change with its own publishes and with every announcing decision.
        if (ContentQueryExecutor.NeedsProcedures(query))
        {
            yield return ContentCacheTags.ContentType(Core.Procedures.ProcedureAliases.ProcedureType);
            yield return ContentCacheTags.ContentType(Core.Procedures.ProcedureAliases.DecisionType);
        }
    }

    /// <summary>Picked documents shown inside a response (any object with an id and a route) are tagged too.</summary>
    private static IEnumerable<string> NestedItemTags(JsonNode? node, PublishedRouteTree routes)
    {
        switch (node)
        {
            case JsonObject item:
                if (item["route"] is JsonObject && item["id"] is JsonValue id && id.TryGetValue<Guid>(out var key))
                {
                    foreach (var tag in ContentCacheTags.BranchOf(key, routes))
                    {
                        yield return tag;
                    }
                }

                foreach (var tag in item.SelectMany(p => NestedItemTags(p.Value, routes)))
                {
                    yield return tag;
                }

                break;
            case JsonArray array:
                foreach (var tag in array.SelectMany(e => NestedItemTags(e, routes)))
                {
                    yield return tag;
                }

                break;
        }
    }

    private static Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<JsonNode> Ok(JsonNode body, HttpContext context)
    {
        context.Response.Headers.Vary = PortalOutputCachePolicy.DeliveryApiVary;
        return TypedResults.Json(body, DeliveryContentBuilder.Json);
    }

    internal static IReadOnlyList<string> Values(StringValues values) => values.OfType<string>().ToList();

    /// <summary>
    /// The query string as the client sent it. The output-cache key provider sorts the values of <c>Request.Query</c>
    /// in place when it varies by every query key, which would reorder <c>id</c>s and the precedence of <c>sort</c>s.
    /// </summary>
    internal static Dictionary<string, StringValues> RawQuery(HttpContext context) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(context.Request.QueryString.Value);

    private static int IntOr(StringValues value, int fallback) =>
        int.TryParse(value.ToString(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 0
            ? n : fallback;
}
