using Microsoft.AspNetCore.RateLimiting;

namespace Portal.Web.Features.Forum;

internal static class ForumSiteRegistration
{
    /// <summary>The public forum's services: its rate-limit policy for public posting, its thread route constraint, its page frame.</summary>
    public static IServiceCollection AddForumSite(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        services.AddSingleton<ForumFrame>();
        services.AddSingleton<ForumAnswerViews>();
        services.Configure<RouteOptions>(o => o.ConstraintMap[TrackingCodeRouteConstraint.Name] = typeof(TrackingCodeRouteConstraint));
        services.Configure<RateLimiterOptions>(o =>
        {
            o.AddPolicy<string, ForumAskRateLimit>(ForumAskRateLimit.Name);
            o.AddPolicy<string, ForumTrackRateLimit>(ForumTrackRateLimit.Name);
        });
        return services;
    }
}
