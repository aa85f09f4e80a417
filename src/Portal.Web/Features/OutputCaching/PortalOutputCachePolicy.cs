using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Portal.Infrastructure.Caching;
using Portal.Infrastructure.PublishedCache;

namespace Portal.Web.Features.OutputCaching;

/// <summary>
/// The portal's output-cache rules, one instance per named policy. Written out in full instead of building on
/// ASP.NET's default policy, whose "vary by every query key" would let any made-up query string fill the store.
/// </summary>
internal sealed class PortalOutputCachePolicy : IOutputCachePolicy
{
    /// <summary>The query keys the public pages read (<c>PageRequest.From</c>); any other key renders the same page.</summary>
    public static readonly string[] PageQueryKeys = ["trang", "chuyen-muc", "loai", "co-quan", "nam", "q", "ban-in", "don-vi", "sap-xep"];

    /// <summary>Request headers that change a Delivery API answer (Umbraco's contract).</summary>
    public static readonly string[] DeliveryApiVaryHeaders = ["Accept-Language", "Start-Item", "Api-Key"];

    /// <summary>What the Delivery API tells downstream caches; Preview is listed although preview answers are never stored here.</summary>
    public const string DeliveryApiVary = "Accept-Language, Preview, Start-Item, Api-Key";

    private static readonly object VersionKey = new();

    private static readonly object PeriodKey = new();

    private readonly bool deliveryApi;

    private PortalOutputCachePolicy(bool deliveryApi) => this.deliveryApi = deliveryApi;

    public static PortalOutputCachePolicy Pages { get; } = new(deliveryApi: false);

    public static PortalOutputCachePolicy DeliveryApi { get; } = new(deliveryApi: true);

    public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var request = http.Request;
        if (deliveryApi)
        {
            // Set before the handler runs so that every answer carries it, the ones never stored included.
            http.Response.Headers.Vary = DeliveryApiVary;
        }

        var attempt = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && request.Headers.Authorization.Count == 0
            && http.User.Identity?.IsAuthenticated != true
            && !(deliveryApi && IsPreview(request));
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = attempt;
        context.AllowCacheStorage = attempt;
        context.AllowLocking = true;
        if (deliveryApi)
        {
            // With PublicAccess=false every request carries an Api-Key: the key is part of the cache key, so one
            // client's answer is never served to a request with another key (or none).
            context.CacheVaryByRules.QueryKeys = "*";
            context.CacheVaryByRules.HeaderNames = new StringValues(DeliveryApiVaryHeaders);
        }
        else
        {
            context.CacheVaryByRules.QueryKeys = new StringValues(PageQueryKeys);

            // A page that changes with the clock is looked up under its current period, so once a window edge passes
            // the copy from before it is never found again, on any node, whatever clock the store expires entries by.
            if (http.RequestServices.GetService<ITimedPages>() is { } timed && await timed.PeriodAsync(request, cancellation) is { } period)
            {
                context.CacheVaryByRules.VaryByValues["period"] = period.Name;
                http.Items[PeriodKey] = period;
            }
        }

        // The stale-write guard: see ServeResponseAsync.
        http.Items[VersionKey] = http.RequestServices.GetRequiredService<PublishedRouteTree>().Version;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var response = http.Response;
        var tags = OutputCacheTagging.Of(http);

        // Only complete, shareable answers; an untagged answer is refused because no content change could evict it.
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.ContainsKey(HeaderNames.SetCookie) || tags.Count == 0
            || !RenderedFromCurrentTree(http))
        {
            context.AllowCacheStorage = false;
            return ValueTask.CompletedTask;
        }

        if (http.Items[PeriodKey] is PagePeriod { EndsAt: not null } period)
        {
            // Kept no longer than the period: the store then drops it at the window edge instead of holding a copy no
            // request can reach until the default expiry. A period that ended while the page rendered is not stored.
            var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            var lifetime = period.Cap(context.ResponseExpirationTimeSpan
                ?? http.RequestServices.GetRequiredService<IOptions<OutputCacheOptions>>().Value.DefaultExpirationTimeSpan, now);
            if (lifetime <= TimeSpan.Zero)
            {
                context.AllowCacheStorage = false;
                return ValueTask.CompletedTask;
            }

            context.ResponseExpirationTimeSpan = lifetime;
        }

        context.Tags.Add(ContentCacheTags.All);
        foreach (var tag in tags)
        {
            context.Tags.Add(tag);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// A node applying an event while it renders could otherwise store a response built from the old tree after
    /// its evictor has already run. The tree's version changes with every applied event, so a response whose request
    /// began at another version is sent but not stored. What remains: the tree changes after this check (taken when
    /// the response starts, i.e. after a buffered Razor view has rendered) and the evictor finishes before the store
    /// write lands — the time it takes to flush the body. Both sides then lose only to the expiry.
    /// </summary>
    private static bool RenderedFromCurrentTree(HttpContext http) =>
        http.Items[VersionKey] is long started && started == http.RequestServices.GetRequiredService<PublishedRouteTree>().Version;

    /// <summary>Umbraco's Delivery API previews drafts when the <c>Preview</c> header is true; anything but an explicit false counts, so a draft is never stored.</summary>
    private static bool IsPreview(HttpRequest request) =>
        request.Headers.TryGetValue("Preview", out var value) && !(bool.TryParse(value.ToString(), out var preview) && !preview);
}
