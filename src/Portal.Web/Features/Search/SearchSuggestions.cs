using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Net.Http.Headers;
using Portal.Infrastructure.Search;

namespace Portal.Web.Features.Search;

/// <summary>A title offered while typing, as the search box's script reads it: <c>{"title": …, "url": …}</c>.</summary>
internal sealed record SuggestionItem(string Title, string Url);

/// <summary>
/// <c>GET /tim-kiem/goi-y?q=…</c>: up to <see cref="Take"/> titles for what has been typed so far. The search box's script
/// calls it after each pause in typing; the search page itself never needs it.
/// </summary>
internal static class SearchSuggestions
{
    public const string Path = "/tim-kiem/goi-y";

    public const int Take = 8;

    /// <summary>Fewer characters match too much to help anyone.</summary>
    public const int MinimumLength = 2;

    /// <summary>
    /// Browsers and proxies may reuse an answer this long: a visitor who types, deletes and types again asks once. Not kept
    /// in the output cache, whose store any made-up text would fill; a publish shows in suggestions within this time.
    /// </summary>
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(60);

    public static IServiceCollection AddSiteSearch(this IServiceCollection services)
    {
        services.Configure<RateLimiterOptions>(o => o.AddPolicy<string, SearchSuggestRateLimit>(SearchSuggestRateLimit.Name));
        return services;
    }

    /// <summary>After <c>UseRateLimiter</c>: the endpoint's limit is read from its metadata.</summary>
    public static IEndpointRouteBuilder MapSiteSearch(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, SuggestAsync).RequireRateLimiting(SearchSuggestRateLimit.Name);
        return endpoints;
    }

    private static async Task<IResult> SuggestAsync(HttpContext http, SiteSearch search, CancellationToken cancellationToken)
    {
        var text = SiteSearchQuery.CleanText(http.Request.Query["q"].ToString());
        IReadOnlyList<SuggestionItem> items = text.Length < MinimumLength
            ? []
            : (await search.SuggestAsync(text, Take, cancellationToken)).Select(s => new SuggestionItem(s.Title, s.Url)).ToList();
        http.Response.Headers[HeaderNames.CacheControl] = $"public, max-age={(int)MaxAge.TotalSeconds}";
        return Results.Json(items);
    }
}

/// <summary>
/// Suggestions one address may ask for per minute. Typing pauses of 200 ms allow at most five a second; a shared office
/// address (many clerks behind one NAT) still fits, a script hammering the index does not.
/// </summary>
internal sealed class SearchSuggestRateLimit : IRateLimiterPolicy<string>
{
    public const string Name = "search-suggest";

    public const int PerMinute = 300;

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = (context, _) =>
    {
        // The script shows nothing for a refused request; the page's own search keeps working.
        context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.HttpContext.Response.Headers[HeaderNames.CacheControl] = "no-store";
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return ValueTask.CompletedTask;
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) => RateLimitPartition.GetFixedWindowLimiter(
        httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown",
        _ => new FixedWindowRateLimiterOptions { PermitLimit = PerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
}
