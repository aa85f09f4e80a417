using Portal.Infrastructure.PublishedCache;

namespace Portal.Infrastructure.Caching;

/// <summary>
/// The output-cache tags a response carries, and that a content change evicts. A response names what it
/// shows; the evictor names what a change touched. Both sides use only these functions.
/// </summary>
public static class ContentCacheTags
{
    /// <summary>Every cached content response: evicted by bulk loads, which change everything at once.</summary>
    public const string All = "content";

    /// <summary>Responses that show the site navigation (the children of the home page).</summary>
    public const string Navigation = "nav";

    /// <summary>Responses filtered by unit: evicted by subtree changes, whose units are not known one by one.</summary>
    public const string UnitLists = "units";

    /// <summary>
    /// A response that shows the document <paramref name="key"/> (its fields, name or route). The response
    /// carries this tag for the document and each of its ancestors, because an ancestor's rename changes its route.
    /// </summary>
    public static string Branch(Guid key) => $"branch:{key:N}";

    /// <summary>The Branch tags a response showing <paramref name="key"/> carries: the document's and each ancestor's.</summary>
    public static IEnumerable<string> BranchOf(Guid key, PublishedRouteTree routes) =>
        routes.AncestorsOf(key).Select(a => Branch(a.Key)).Append(Branch(key));

    /// <summary>A list of the children or descendants of <paramref name="key"/>.</summary>
    public static string Subtree(Guid key) => $"subtree:{key:N}";

    /// <summary>A list filtered to one content type (without a narrower fetch).</summary>
    public static string ContentType(string alias) => $"type:{alias.ToLowerInvariant()}";

    /// <summary>A list of one unit's items: its own subtree and the items whose unit field names it.</summary>
    public static string Unit(Guid key) => $"unit:{key:N}";
}
