using Portal.Core.Procedures;
using Portal.Core.Text;
using Portal.Infrastructure.PublishedCache;
using Portal.Infrastructure.Search;

namespace Portal.Infrastructure.Procedures;

/// <summary>
/// What a citizen asks the finder. <see cref="Agency"/> is a unit's key (32 hex digits) or an agency's name;
/// <see cref="Status"/> null means "in force only".
/// </summary>
public sealed record ProcedureQuery(string? Text = null, string? Field = null, string? Level = null, string? Agency = null,
    string? OnlineLevel = null, bool? Postal = null, ProcedureStatus? Status = null, int Page = 1, int PageSize = 20);

public enum ProcedureFacet
{
    Field = 0,
    Level = 1,
    Agency = 2,
    OnlineLevel = 3,
    Postal = 4,
    Status = 5,
}

/// <summary>One choice of a facet: the query value, what people read, and how many results choosing it gives.</summary>
public sealed record ProcedureFacetValue(string Value, string Label, int Count, bool Selected);

public sealed record ProcedureFinderResult(IReadOnlyList<ProcedureEntry> Items, int Page, int PageCount, int Total,
    IReadOnlyDictionary<ProcedureFacet, IReadOnlyList<ProcedureFacetValue>> Facets);

/// <summary>
/// Free text plus facets over the catalog. Each facet's counts are taken over the results filtered by the other facets
/// (not by itself), so every count says how many results choosing that value would show.
/// </summary>
public sealed class ProcedureFinder(ProcedureCatalog catalog, PublishedRouteTree routes, SiteSearch search)
{
    private static readonly string[] LevelOrder = ["Cấp tỉnh", "Cấp huyện", "Cấp xã", "Cấp bộ", "Cơ quan khác"];
    private static readonly string[] OnlineOrder = ["Toàn trình", "Một phần", "Mức độ 4", "Mức độ 3", "Mức độ 2", "Mức độ 1"];
    private static readonly ProcedureFacet[] AllFacets = Enum.GetValues<ProcedureFacet>();

    public const string PostalYes = "1";
    public const string PostalNo = "0";

    public static string StatusValue(ProcedureStatus status) => status switch
    {
        ProcedureStatus.Abolished => "da-bai-bo",
        ProcedureStatus.Replaced => "da-thay-the",
        _ => "dang-hieu-luc",
    };

    public static ProcedureStatus? ParseStatus(string? value) =>
        Enum.GetValues<ProcedureStatus>().Cast<ProcedureStatus?>().FirstOrDefault(s => StatusValue(s!.Value) == value);

    public async Task<ProcedureFinderResult> FindAsync(ProcedureQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var snapshot = await catalog.CurrentAsync(cancellationToken);
        var candidates = Match(snapshot, query.Text, search);
        var filters = AllFacets.ToDictionary(f => f, f => Filter(f, query));
        bool Passes(ProcedureEntry p, ProcedureFacet? except) => filters.All(f => f.Key == except || f.Value(p));

        var results = candidates.Where(p => Passes(p, null)).ToList();
        var facets = new Dictionary<ProcedureFacet, IReadOnlyList<ProcedureFacetValue>>();
        foreach (var facet in AllFacets)
        {
            facets[facet] = Facet(facet, candidates.Where(p => Passes(p, facet)), query);
        }

        var size = Math.Max(1, query.PageSize);
        var pageCount = Math.Max(1, (results.Count + size - 1) / size);
        var page = Math.Clamp(query.Page, 1, pageCount);
        return new ProcedureFinderResult(results.Skip((page - 1) * size).Take(size).ToList(), page, pageCount, results.Count, facets);
    }

    /// <summary>The unit's or agency's display name for a facet value.</summary>
    public string AgencyLabel(string value) =>
        UnitKey(value) is { } key ? routes.Find(key)?.Name ?? value : value;

    /// <summary>
    /// The public index's ranking (Vietnamese analysis, synonyms, whole codes first) over the catalog's procedures. While the
    /// index is not ready, every word of the query, without diacritics, must occur; a whole code match ranks first, then
    /// names containing the whole phrase, otherwise the catalog's Vietnamese order of names stands.
    /// </summary>
    private static List<ProcedureEntry> Match(ProcedureCatalogSnapshot snapshot, string? text, SiteSearch search)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return snapshot.Procedures.ToList();
        }

        if (search.MatchProcedures(trimmed) is { } ranked)
        {
            // The index follows the outbox and the catalog is rebuilt from the tree: a key only one of them knows yet is left out.
            return ranked.Distinct().Select(snapshot.FindByKey).OfType<ProcedureEntry>().ToList();
        }

        var folded = VietnameseText.Fold(trimmed);
        var words = folded.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return snapshot.Procedures
            .Where(p => Array.TrueForAll(words, w => p.FoldedText.Contains(w, StringComparison.Ordinal)))
            .Select(p => (Procedure: p, Rank: string.Equals(p.Code, trimmed, StringComparison.OrdinalIgnoreCase)
                || string.Equals(p.LocalCode, trimmed, StringComparison.OrdinalIgnoreCase) ? 0
                : VietnameseText.Fold(p.Name).Contains(folded, StringComparison.Ordinal) ? 1 : 2))
            .OrderBy(r => r.Rank)
            .Select(r => r.Procedure)
            .ToList();
    }

    private static Func<ProcedureEntry, bool> Filter(ProcedureFacet facet, ProcedureQuery query) => facet switch
    {
        ProcedureFacet.Field when query.Field is { } field => p => string.Equals(p.Field, field, StringComparison.Ordinal),
        ProcedureFacet.Level when query.Level is { } level => p => p.Levels.Contains(level, StringComparer.Ordinal),
        ProcedureFacet.Agency when query.Agency is { } agency => UnitKey(agency) is { } unit
            ? p => p.Units.Any(u => u.UnitKey == unit)
            : p => p.Agencies.Contains(agency, StringComparer.Ordinal),
        ProcedureFacet.OnlineLevel when query.OnlineLevel is { } online => p => string.Equals(p.OnlineLevel, online, StringComparison.Ordinal),
        ProcedureFacet.Postal when query.Postal is { } postal => p => p.Postal == postal,
        // Abolished and replaced procedures stay findable, but only when asked for.
        ProcedureFacet.Status => p => p.Status == (query.Status ?? ProcedureStatus.InForce),
        _ => _ => true,
    };

    private List<ProcedureFacetValue> Facet(ProcedureFacet facet, IEnumerable<ProcedureEntry> procedures, ProcedureQuery query)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var procedure in procedures)
        {
            foreach (var value in ValuesOf(facet, procedure))
            {
                counts[value] = counts.GetValueOrDefault(value) + 1;
            }
        }

        var selected = facet switch
        {
            ProcedureFacet.Field => query.Field,
            ProcedureFacet.Level => query.Level,
            ProcedureFacet.Agency => query.Agency is { } a && UnitKey(a) is { } k ? k.ToString("N") : query.Agency,
            ProcedureFacet.OnlineLevel => query.OnlineLevel,
            ProcedureFacet.Postal => query.Postal is { } postal ? (postal ? PostalYes : PostalNo) : null,
            _ => StatusValue(query.Status ?? ProcedureStatus.InForce),
        };
        if (selected is not null)
        {
            counts.TryAdd(selected, 0);
        }

        var values = counts.Select(c => new ProcedureFacetValue(c.Key, Label(facet, c.Key), c.Value, c.Key == selected));
        return facet switch
        {
            ProcedureFacet.Level => values.OrderBy(v => Rank(LevelOrder, v.Value)).ThenBy(v => v.Label, VietnameseText.Order).ToList(),
            ProcedureFacet.OnlineLevel => values.OrderBy(v => Rank(OnlineOrder, v.Value)).ThenBy(v => v.Label, VietnameseText.Order).ToList(),
            ProcedureFacet.Postal => values.OrderByDescending(v => v.Value, StringComparer.Ordinal).ToList(),
            ProcedureFacet.Status => values.OrderBy(v => ParseStatus(v.Value)).ToList(),
            _ => values.OrderBy(v => v.Label, VietnameseText.Order).ToList(),
        };
    }

    private IEnumerable<string> ValuesOf(ProcedureFacet facet, ProcedureEntry procedure) => facet switch
    {
        ProcedureFacet.Field => procedure.Field is { } field ? [field] : [],
        ProcedureFacet.Level => procedure.Levels.Distinct(StringComparer.Ordinal),
        ProcedureFacet.Agency => AgencyValues(procedure),
        ProcedureFacet.OnlineLevel => procedure.OnlineLevel is { } online ? [online] : [],
        ProcedureFacet.Postal => [procedure.Postal ? PostalYes : PostalNo],
        _ => [StatusValue(procedure.Status)],
    };

    /// <summary>Live units the procedure is assigned to, by key; its agencies by name unless a listed unit has that name.</summary>
    private IEnumerable<string> AgencyValues(ProcedureEntry procedure)
    {
        var units = procedure.Units.Select(u => routes.Find(u.UnitKey)).OfType<Portal.Data.Content.PublishedNode>().DistinctBy(n => n.Key).ToList();
        foreach (var unit in units)
        {
            yield return unit.Key.ToString("N");
        }

        foreach (var agency in procedure.Agencies)
        {
            if (!units.Exists(u => string.Equals(u.Name, agency, StringComparison.OrdinalIgnoreCase)))
            {
                yield return agency;
            }
        }
    }

    private string Label(ProcedureFacet facet, string value) => facet switch
    {
        ProcedureFacet.Agency => AgencyLabel(value),
        ProcedureFacet.Postal => value == PostalYes ? "Có tiếp nhận, trả kết quả qua bưu chính" : "Không qua bưu chính",
        ProcedureFacet.Status => ParseStatus(value) is { } status ? ProcedureLifecycle.Label(status) : value,
        _ => value,
    };

    private static int Rank(string[] order, string value) => Array.IndexOf(order, value) is var i and >= 0 ? i : order.Length;

    private static Guid? UnitKey(string value) =>
        value.Length == 32 && Guid.TryParseExact(value, "N", out var key) ? key : null;
}
