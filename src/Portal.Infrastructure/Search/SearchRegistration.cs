using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Events;
using Portal.Core.Schema;
using Portal.Data.Outbox;
using Portal.Data.Search;
using Portal.Infrastructure.PublishedCache;

namespace Portal.Infrastructure.Search;

public static class SearchRegistration
{
    /// <summary>Registered after the route tree: the indexes read it when an event reaches them, so it must have applied it first.</summary>
    public static IServiceCollection AddPortalSearch(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SearchOptions>().Bind(configuration.GetSection(SearchOptions.Section))
            .Validate(o => o.CheckInterval > TimeSpan.Zero, "Portal:Search:CheckInterval phải lớn hơn 0.")
            .ValidateOnStart();
        services.AddSingleton<SearchSourceQueries>();
        services.AddSingleton(sp => new PublicIndexFeed(sp.GetRequiredService<PublishedRouteTree>(), sp.GetRequiredService<PublishedContentCache>(),
            sp.GetRequiredService<SearchSourceQueries>()));
        services.AddSingleton(sp => new BackofficeIndexFeed(sp.GetRequiredService<SearchSourceQueries>()));
        services.AddSingleton(sp => new SearchIndexes(sp.GetRequiredService<IOptions<SearchOptions>>(), sp.GetRequiredService<PublicIndexFeed>(),
            sp.GetRequiredService<BackofficeIndexFeed>(), sp.GetRequiredService<OutboxStore>(), sp.GetRequiredService<ILogger<SearchIndexes>>()));
        services.AddSingleton<IContentEventConsumer>(sp => sp.GetRequiredService<SearchIndexes>());
        services.AddSingleton(_ => new SearchQueryBuilder());
        services.AddSingleton(sp => new SearchResultsBuilder(sp.GetRequiredService<ISchemaCatalog>(), sp.GetRequiredService<PublishedRouteTree>(),
            new SearchHighlighter()));
        services.AddSingleton(sp => new SiteSearch(sp.GetRequiredService<SearchIndexes>(), sp.GetRequiredService<PublishedRouteTree>(),
            sp.GetRequiredService<SearchQueryBuilder>(), sp.GetRequiredService<SearchResultsBuilder>()));
        services.AddSingleton(sp => new BackofficeSearch(sp.GetRequiredService<SearchIndexes>(), sp.GetRequiredService<SearchQueryBuilder>(),
            sp.GetRequiredService<SearchResultsBuilder>()));
        return services;
    }
}
