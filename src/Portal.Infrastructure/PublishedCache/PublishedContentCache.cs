using Microsoft.Extensions.Caching.Hybrid;
using Portal.Data.Content;

namespace Portal.Infrastructure.PublishedCache;

/// <summary>
/// Field values of live editions through HybridCache (memory, plus Redis when configured). A published
/// edition never changes, so the key carries the edition number and no entry ever needs evicting.
/// </summary>
public sealed class PublishedContentCache(HybridCache cache, PublishedContentQueries queries)
{
    private static readonly HybridCacheEntryOptions Options = new() { Expiration = TimeSpan.FromDays(1), LocalCacheExpiration = TimeSpan.FromHours(1) };

    public static string CacheKey(Guid key, int editionNumber) => $"portal:edition:{key:N}:{editionNumber}";

    public async Task<PublishedContent?> GetAsync(PublishedNode node, CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync(
            CacheKey(node.Key, node.EditionNumber),
            (queries, node.Key, node.EditionNumber),
            static async (state, ct) =>
            {
                var row = await state.queries.EditionAsync(state.Key, state.EditionNumber, ct);
                return row is null ? null : new PublishedContent(row.DocumentKey, row.Number, row.Name, row.Values, row.UpdatedAt, row.PublishedAt);
            },
            Options,
            [$"doc:{node.Key:N}"],
            cancellationToken);
}
