using System.Globalization;
using System.Text.Json.Nodes;
using Portal.Core.Media;
using Portal.Core.Text;
using Portal.Data.Media;
using Portal.Infrastructure.Delivery;

namespace Portal.Infrastructure.Media;

/// <summary>
/// The Media Delivery API over the library: Umbraco's media item JSON, and its media query (<c>fetch=children:</c> only,
/// filters <c>mediaType:</c> and <c>name:</c>, sorts <c>createDate</c>, <c>updateDate</c>, <c>name</c>, <c>sortOrder</c>),
/// answered with the same 400 statuses as the content query.
/// </summary>
public sealed class DeliveryMedia(MediaItemStore items)
{
    private const string ChildrenPrefix = "children:";

    /// <summary>
    /// A media item as Umbraco's Delivery API writes one: <c>path, createDate, updateDate, id, name, mediaType, url,
    /// extension, width, height, bytes, properties, focalPoint, crops</c>. Folders have no file, so their file fields are
    /// null; only images have a size and a focal point. <c>properties</c> holds <c>altText</c>, the one property Portal's
    /// media types add to Umbraco's built-in ones; <paramref name="fields"/> can leave it out.
    /// </summary>
    public static JsonObject Write(MediaItem item, MediaFolders folders, PropertySelection fields)
    {
        var image = item.MediaTypeAlias == MediaTypes.Image;
        var properties = new JsonObject();
        if (!item.IsFolder && fields.Includes(MediaPropertyAliases.AltText))
        {
            properties[MediaPropertyAliases.AltText] = item.AltText;
        }

        return new JsonObject
        {
            ["path"] = folders.PathOf(item),
            ["createDate"] = VietnamTime.FromUtc(item.CreatedAt),
            ["updateDate"] = VietnamTime.FromUtc(item.UpdatedAt),
            ["id"] = item.Key,
            ["name"] = item.Name,
            ["mediaType"] = item.MediaTypeAlias,
            ["url"] = item.Url,
            ["extension"] = item.Extension,
            ["width"] = item.Width,
            ["height"] = item.Height,
            ["bytes"] = item.Bytes,
            ["properties"] = properties,
            ["focalPoint"] = image ? new JsonObject { ["left"] = item.FocalLeft, ["top"] = item.FocalTop } : null,
            ["crops"] = new JsonArray(),
        };
    }

    /// <summary>Runs a media query; the status says which option was not understood.</summary>
    public async Task<(ContentQueryStatus Status, int Total, IReadOnlyList<MediaItem> Items)> QueryAsync(string? fetch,
        IReadOnlyList<string> filters, IReadOnlyList<string> sorts, int skip, int take, MediaFolders folders, CancellationToken cancellationToken)
    {
        // Umbraco checks the selector, then the filters, then the sorts, and reports the first that fails.
        if (fetch is null || !fetch.StartsWith(ChildrenPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return (ContentQueryStatus.SelectorOptionNotFound, 0, []);
        }

        var predicates = new List<Func<MediaItem, bool>>();
        foreach (var filter in filters.Where(f => !string.IsNullOrWhiteSpace(f)))
        {
            if (ParseFilter(filter.Trim()) is not { } predicate)
            {
                return (ContentQueryStatus.FilterOptionNotFound, 0, []);
            }

            predicates.Add(predicate);
        }

        var orders = new List<(Func<MediaItem, IComparable> Key, bool Descending)>();
        foreach (var sort in sorts.Where(s => !string.IsNullOrWhiteSpace(s)))
        {
            if (ParseSort(sort.Trim()) is not { } order)
            {
                return (ContentQueryStatus.SortOptionNotFound, 0, []);
            }

            orders.Add(order);
        }

        var children = await ChildrenAsync(fetch[ChildrenPrefix.Length..].Trim(), folders, cancellationToken);
        var matching = children.Where(c => predicates.TrueForAll(p => p(c)));
        if (orders.Count > 0)
        {
            var ordered = orders[0].Descending ? matching.OrderByDescending(orders[0].Key) : matching.OrderBy(orders[0].Key);
            foreach (var (key, descending) in orders.Skip(1))
            {
                ordered = descending ? ordered.ThenByDescending(key) : ordered.ThenBy(key);
            }

            matching = ordered;
        }

        var all = matching.ToList();
        return (ContentQueryStatus.Success, all.Count, all.Skip(skip).Take(take).ToList());
    }

    /// <summary>The children the selector names: <c>/</c> the root, a GUID a folder, anything else a path of names; none for an unknown target.</summary>
    private async Task<IReadOnlyList<MediaItem>> ChildrenAsync(string target, MediaFolders folders, CancellationToken cancellationToken)
    {
        if (target.Length == 0)
        {
            return [];
        }

        if (target.Trim('/').Length == 0)
        {
            return await items.ChildrenAsync(null, cancellationToken);
        }

        var parent = Guid.TryParse(target, out var key)
            ? await items.FindAsync(key, cancellationToken)
            : await items.ResolvePathAsync(Uri.UnescapeDataString(target), folders, cancellationToken);
        return parent is { IsFolder: true } ? await items.ChildrenAsync(parent.Key, cancellationToken) : [];
    }

    private static Func<MediaItem, bool>? ParseFilter(string filter)
    {
        var colon = filter.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == filter.Length - 1)
        {
            return null;
        }

        var value = VietnameseText.Nfc(filter[(colon + 1)..].Trim());
        return filter[..colon].ToLowerInvariant() switch
        {
            "mediatype" => item => string.Equals(item.MediaTypeAlias, value, StringComparison.OrdinalIgnoreCase),
            "name" => item => item.Name.Contains(value, StringComparison.OrdinalIgnoreCase),
            _ => null,
        };
    }

    private static (Func<MediaItem, IComparable> Key, bool Descending)? ParseSort(string sort)
    {
        var colon = sort.IndexOf(':', StringComparison.Ordinal);
        var direction = colon < 0 ? "asc" : sort[(colon + 1)..].Trim().ToLowerInvariant();
        if (direction is not ("asc" or "desc"))
        {
            return null;
        }

        Func<MediaItem, IComparable>? key = (colon < 0 ? sort : sort[..colon]).ToLowerInvariant() switch
        {
            "createdate" => item => item.CreatedAt,
            "updatedate" => item => item.UpdatedAt,
            "name" => item => item.Name.ToLower(CultureInfo.InvariantCulture),
            "sortorder" => item => item.SortOrder,
            _ => null,
        };
        return key is null ? null : (key, direction == "desc");
    }
}
