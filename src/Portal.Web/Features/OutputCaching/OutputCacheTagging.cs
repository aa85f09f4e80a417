namespace Portal.Web.Features.OutputCaching;

/// <summary>
/// Lets a handler name what its response shows (tags from <c>ContentCacheTags</c>) while it renders, which is
/// the only time it knows; the portal's output-cache policies copy them onto the stored entry.
/// </summary>
public static class OutputCacheTagging
{
    private static readonly object ItemsKey = new();

    public static void Add(HttpContext context, IEnumerable<string> tags)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(tags);
        if (context.Items[ItemsKey] is not HashSet<string> set)
        {
            set = new HashSet<string>(StringComparer.Ordinal);
            context.Items[ItemsKey] = set;
        }

        foreach (var tag in tags)
        {
            set.Add(tag);
        }
    }

    public static void Add(HttpContext context, params string[] tags) => Add(context, (IEnumerable<string>)tags);

    /// <summary>The tags added so far for this request (empty when none).</summary>
    public static IReadOnlyCollection<string> Of(HttpContext context) =>
        context.Items[ItemsKey] as HashSet<string> ?? (IReadOnlyCollection<string>)Array.Empty<string>();
}
