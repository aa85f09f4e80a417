namespace Portal.Web.Features.OutputCaching;

/// <summary>The named output-cache policies endpoints opt into with <c>.CacheOutput(name)</c>.</summary>
public static class OutputCachePolicies
{
    /// <summary>Public site pages, feeds and the sitemap: varied by the site's own query keys.</summary>
    public const string Pages = "portal-pages";

    /// <summary>Delivery API GETs: varied by the whole query and by Accept-Language, Start-Item and Api-Key; never preview.</summary>
    public const string DeliveryApi = "portal-delivery-api";
}
