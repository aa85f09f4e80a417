using Portal.Infrastructure.PublishedCache;

namespace Portal.Web.Features.Backoffice.Settings;

/// <summary>What the Settings section says about search. The Lucene index (issue 9) brings its own implementation.</summary>
internal interface ISearchIndexStatus
{
    SearchIndexReport Report();
}

/// <param name="Engine">What answers searches, in words an administrator reads.</param>
/// <param name="Documents">Documents search reads from.</param>
/// <param name="UpdatedAt">When what search reads last changed (UTC).</param>
/// <param name="Rebuild">A rebuild under way, shown as a progress bar; null when none runs.</param>
/// <param name="CanRebuild">Whether a rebuild can be started from the backoffice (only an index can be rebuilt).</param>
internal sealed record SearchIndexReport(string Engine, string Detail, int Documents, DateTime UpdatedAt, SearchIndexRebuild? Rebuild, bool CanRebuild);

internal sealed record SearchIndexRebuild(int Done, int Total);

/// <summary>
/// Search as it is today: the site's search reads the published pages held in memory (<see cref="PublishedRouteTree"/>),
/// so there is no index to build, to fall behind or to rebuild.
/// </summary>
internal sealed class PublishedCacheSearchStatus(PublishedRouteTree routes) : ISearchIndexStatus
{
    public SearchIndexReport Report() => new(
        "Bộ nhớ của máy chủ (các trang đang xuất bản)",
        "Chưa có chỉ mục tìm kiếm Lucene: trang tìm kiếm so khớp tiêu đề và tóm tắt của các trang đang xuất bản trong bộ nhớ, "
        + "có dấu hoặc không dấu. Nội dung luôn mới nhất nên không cần dựng lại chỉ mục.",
        routes.Count,
        routes.LastChangedAt,
        Rebuild: null,
        CanRebuild: false);
}
