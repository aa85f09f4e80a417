using System.Globalization;
using Portal.Core.Content;
using Portal.Data.Content;
using Portal.Infrastructure.PublishedCache;
using Portal.Web.Features.OutputCaching;

namespace Portal.Web.Features.Site;

/// <summary>One placement the public site shows: the page it places and whether it is featured.</summary>
public sealed record CuratedItem(ListItem Item, bool Featured);

/// <summary>
/// The CCHC column's curated placements as the public pages show them (rule in <see cref="ColumnPlacements"/>), and the
/// period those pages are in: the home page and the column show placements by display window, so they change when a
/// window opens or closes, without a publish that would evict them.
/// </summary>
public sealed class ColumnCuration(PublishedRouteTree routes, PublishedContentCache contents, SiteListings listings, TimeProvider clock) : ITimedPages
{
    // Read on every request to the home page and the column, cached hits included: parsed once per live edition of the column.
    private volatile ParsedEdition? last;

    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    /// <summary>The column whose placements <paramref name="page"/> shows: the column itself, or on the home page the column below it.</summary>
    public PublishedNode? ColumnShownOn(PublishedNode page) => page.ContentTypeAlias switch
    {
        "column" => page,
        "home" => routes.DescendantsOf(page.Key, n => n.ContentTypeAlias == "column").FirstOrDefault(),
        _ => null,
    };

    public async Task<IReadOnlyList<ColumnPlacement>> PlacementsAsync(PublishedNode column, CancellationToken cancellationToken)
    {
        if (last is { } parsed && parsed.Key == column.Key && parsed.EditionNumber == column.EditionNumber)
        {
            return parsed.Placements;
        }

        var content = await contents.GetAsync(column, cancellationToken);
        var placements = ColumnPlacements.Parse(content?.Text(ColumnPlacements.FieldAlias));
        last = new ParsedEdition(column.Key, column.EditionNumber, placements);
        return placements;
    }

    /// <summary>The column's first page: the visible featured placements, then the other visible ones (curated order).</summary>
    public async Task<IReadOnlyList<CuratedItem>> VisibleAsync(PublishedNode column, DateTime utcNow, CancellationToken cancellationToken) =>
        await ItemsAsync(ColumnPlacements.Visible(await PlacementsAsync(column, cancellationToken), utcNow, IsLive), cancellationToken);

    /// <summary>The home page's pick: the visible featured placements, or all visible ones when none is featured.</summary>
    public async Task<IReadOnlyList<CuratedItem>> ShowcaseAsync(PublishedNode column, DateTime utcNow, CancellationToken cancellationToken) =>
        await ItemsAsync(ColumnPlacements.Showcase(await PlacementsAsync(column, cancellationToken), utcNow, IsLive), cancellationToken);

    public async ValueTask<PagePeriod?> PeriodAsync(HttpRequest request, CancellationToken cancellationToken) =>
        routes.Resolve(request.Path.Value ?? "/") is { } page ? await PeriodAsync(page, cancellationToken) : null;

    /// <summary>
    /// Named by the last window edge passed: for one edition of the column, two moments with the same last edge show the
    /// same placements (the edition number is in the name too, although a publish also evicts and changes the tree version).
    /// Null when the page shows no placements or none of them has a window.
    /// </summary>
    public async Task<PagePeriod?> PeriodAsync(PublishedNode page, CancellationToken cancellationToken)
    {
        if (ColumnShownOn(page) is not { } column)
        {
            return null;
        }

        var placements = await PlacementsAsync(column, cancellationToken);
        if (!placements.Any(p => p.ShowFrom is not null || p.ShowUntil is not null))
        {
            return null;
        }

        var now = UtcNow;
        var passed = ColumnPlacements.LastChange(placements, now);
        var name = string.Create(CultureInfo.InvariantCulture, $"{column.EditionNumber}.{passed?.Ticks ?? 0:x}");
        return new PagePeriod(name, ColumnPlacements.NextChange(placements, now));
    }

    private bool IsLive(Guid key) => routes.UrlOf(key) is not null;

    private async Task<IReadOnlyList<CuratedItem>> ItemsAsync(IReadOnlyList<ColumnPlacement> placements, CancellationToken cancellationToken)
    {
        var items = new List<CuratedItem>(placements.Count);
        foreach (var placement in placements)
        {
            if (routes.Find(placement.ItemKey) is { } node && await listings.ItemAsync(node, cancellationToken) is { } item)
            {
                items.Add(new CuratedItem(item, placement.Featured));
            }
        }

        return items;
    }

    private sealed record ParsedEdition(Guid Key, int EditionNumber, IReadOnlyList<ColumnPlacement> Placements);
}
