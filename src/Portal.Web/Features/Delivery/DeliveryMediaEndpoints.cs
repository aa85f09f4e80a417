using Portal.Infrastructure.Delivery;
using Portal.Web.Features.OutputCaching;

namespace Portal.Web.Features.Delivery;

/// <summary>
/// The Media Delivery API routes, behind their own switch (<c>Media:Enabled</c>, off by default as in Umbraco).
/// Portal has no media library yet, so every media lookup finds nothing; the routes, access rules and query
/// validation are already those of Umbraco, so front ends get the documented answers.
/// </summary>
internal static class DeliveryMediaEndpoints
{
    public static void MapDeliveryMedia(this WebApplication app)
    {
        var media = app.MapGroup(DeliveryEndpoints.BasePath + "/media")
            .AddEndpointFilter(DeliveryAccess.Media)
            .CacheOutput(OutputCachePolicies.DeliveryApi)
            .WithGroupName(DeliveryOpenApi.DocumentName)
            .WithTags("Media");
        media.MapGet("/", Query).WithName("GetMedia").WithSummary("Queries media: fetch=children:{path} is required.");
        media.MapGet("/item/{id:guid}", (Guid id) => DeliveryProblems.NotFound()).WithName("GetMediaItemById");
        media.MapGet("/item/{**path}", (string? path) => DeliveryProblems.NotFound()).WithName("GetMediaItemByPath");
        media.MapGet("/items", () => TypedResults.Json(Array.Empty<object>())).WithName("GetMediaItems");
    }

    private static IResult Query(HttpContext context, string? fetch)
    {
        // Umbraco's media query supports only the children selector, and requires it.
        if (fetch is null || ContentQueryParser.ParseSelector(fetch) is not { Kind: SelectorKind.Children })
        {
            return DeliveryProblems.For(ContentQueryStatus.SelectorOptionNotFound);
        }

        var status = ContentQueryParser.TryParse(null, [.. DeliveryEndpoints.Values(context.Request.Query["filter"]).Where(f => !IsMediaFilter(f))],
            DeliveryEndpoints.Values(context.Request.Query["sort"]), 0, 10, out _);
        return status == ContentQueryStatus.Success
            ? TypedResults.Json(new { total = 0, items = Array.Empty<object>() })
            : DeliveryProblems.For(status);
    }

    private static bool IsMediaFilter(string filter) => filter.StartsWith("mediaType:", StringComparison.OrdinalIgnoreCase);
}
