using Portal.Core.Text;
using Portal.Infrastructure.PublishedCache;

namespace Portal.Infrastructure.Forum;

/// <summary>A unit a question can be assigned to: a live unit page.</summary>
public sealed record ForumUnit(Guid Key, string Name, string Url);

/// <summary>The units of the site as the forum offers them, in Vietnamese order; read from the live route tree.</summary>
public sealed class ForumUnits(PublishedRouteTree routes)
{
    public const string UnitAlias = "unit";

    public IReadOnlyList<ForumUnit> All() => routes.Reachable()
        .Where(r => r.Node.ContentTypeAlias == UnitAlias)
        .Select(r => new ForumUnit(r.Node.Key, r.Node.Name, r.Url))
        .OrderBy(u => u.Name, VietnameseText.Order)
        .ToList();

    public ForumUnit? Find(Guid? key) => key is { } k && routes.Find(k) is { ContentTypeAlias: UnitAlias } node && routes.UrlOf(k) is { } url
        ? new ForumUnit(node.Key, node.Name, url)
        : null;
}
