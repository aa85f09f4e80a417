using System.Text.Json.Nodes;
using Portal.Data.Media;
using Portal.Infrastructure.Delivery;
using Portal.Infrastructure.Media;
using Portal.Web.Features.OutputCaching;

namespace Portal.Web.Features.Delivery;

/// <summary>
/// The Media Delivery API routes, behind their own switch (<c>Media:Enabled</c>, off by default as in Umbraco), answered
/// from the media library with Umbraco's routes, access rules, JSON and query validation.
/// </summary>
/// <remarks>
/// Answers carry no output-cache tags, so the output cache does not keep them (it stores tagged answers only): library
/// changes are not events of the content outbox, so nothing would evict a stored media answer on every node. Each
/// request reads the database; the lists are a folder's children and the folders themselves, both small.
/// </remarks>
internal static class DeliveryMediaEndpoints
{
    public static void MapDeliveryMedia(this WebApplication app)
    {
        var media = app.MapGroup(DeliveryEndpoints.BasePath + "/media")
            .AddEndpointFilter(DeliveryAccess.Media)
            .CacheOutput(OutputCachePolicies.DeliveryApi)
            .WithGroupName(DeliveryOpenApi.DocumentName)
            .WithTags("Media");
        media.MapGet("/", QueryAsync).WithName("GetMedia")
            .WithSummary("Queries media: fetch=children:{id or path} is required; filter mediaType:, name:; sort createDate, updateDate, name, sortOrder.");
        media.MapGet("/item/{id:guid}", ItemByIdAsync).WithName("GetMediaItemById").WithSummary("One media item by its key.");
        media.MapGet("/item/{**path}", ItemByPathAsync).WithName("GetMediaItemByPath")
            .WithSummary("One media item by its path of folder names and its own name.");
        media.MapGet("/items", ItemsAsync).WithName("GetMediaItems").WithSummary("Several media items by key.");
    }

    private static async Task<IResult> QueryAsync(HttpContext context, DeliveryMedia delivery, MediaItemStore items, string? fetch,
        CancellationToken cancellationToken)
    {
        var query = DeliveryEndpoints.RawQuery(context);
        var folders = await items.FoldersAsync(cancellationToken);
        var (status, total, found) = await delivery.QueryAsync(fetch, DeliveryEndpoints.Values(query.GetValueOrDefault("filter")),
            DeliveryEndpoints.Values(query.GetValueOrDefault("sort")), IntOr(query.GetValueOrDefault("skip"), 0),
            IntOr(query.GetValueOrDefault("take"), 10), folders, cancellationToken);
        if (status != ContentQueryStatus.Success)
        {
            return DeliveryProblems.For(status);
        }

        var fields = Fields(context);
        var list = new JsonArray([.. found.Select(i => (JsonNode)DeliveryMedia.Write(i, folders, fields))]);
        return Ok(new JsonObject { ["total"] = total, ["items"] = list });
    }

    private static async Task<IResult> ItemByIdAsync(HttpContext context, Guid id, MediaItemStore items, CancellationToken cancellationToken)
    {
        var item = await items.FindAsync(id, cancellationToken);
        return item is null
            ? DeliveryProblems.NotFound()
            : Ok(DeliveryMedia.Write(item, await items.FoldersAsync(cancellationToken), Fields(context)));
    }

    private static async Task<IResult> ItemByPathAsync(HttpContext context, string? path, MediaItemStore items, CancellationToken cancellationToken)
    {
        var folders = await items.FoldersAsync(cancellationToken);
        var item = await items.ResolvePathAsync(Uri.UnescapeDataString(path ?? string.Empty), folders, cancellationToken);
        return item is null ? DeliveryProblems.NotFound() : Ok(DeliveryMedia.Write(item, folders, Fields(context)));
    }

    private static async Task<IResult> ItemsAsync(HttpContext context, MediaItemStore items, CancellationToken cancellationToken)
    {
        var query = DeliveryEndpoints.RawQuery(context);
        var keys = new List<Guid>();
        foreach (var value in DeliveryEndpoints.Values(query.GetValueOrDefault("id")))
        {
            if (Guid.TryParse(value, out var key))
            {
                keys.Add(key);
            }
        }

        var found = await items.FindManyAsync(keys, cancellationToken);
        var folders = found.Count == 0 ? new MediaFolders([]) : await items.FoldersAsync(cancellationToken);
        var fields = Fields(context);
        return Ok(new JsonArray([.. found.Select(i => (JsonNode)DeliveryMedia.Write(i, folders, fields))]));
    }

    private static PropertySelection Fields(HttpContext context) =>
        PropertySelection.Parse(context.Request.Query["fields"]) ?? PropertySelection.Every;

    private static Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<JsonNode> Ok(JsonNode body) =>
        TypedResults.Json(body, DeliveryContentBuilder.Json);

    private static int IntOr(Microsoft.Extensions.Primitives.StringValues value, int fallback) =>
        int.TryParse(value.ToString(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 0
            ? n : fallback;
}
