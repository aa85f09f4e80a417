using Microsoft.EntityFrameworkCore;
using Portal.Core.Access;
using Portal.Data;
using Portal.Data.Audit;
using Portal.Infrastructure.Search;

namespace Portal.Web.Features.Backoffice.Settings;

/// <summary>What the Settings section says about search, and the administrator's rebuild.</summary>
internal interface ISearchIndexStatus
{
    SearchIndexReport Report();

    /// <summary>Starts rebuilding in the background and records who did in the audit log; false when a rebuild already runs.</summary>
    Task<bool> StartRebuildAsync(Actor actor, CancellationToken cancellationToken);
}

/// <param name="Indexes">One row per index of this node.</param>
/// <param name="CanRebuild">Whether a rebuild can be started from the backoffice.</param>
internal sealed record SearchIndexReport(IReadOnlyList<SearchIndexRow> Indexes, bool CanRebuild)
{
    /// <summary>The page refreshes itself while this holds, so the progress bars move without a script.</summary>
    public bool Rebuilding => Indexes.Any(i => i.Rebuild is not null || i.Health == SearchIndexHealth.Building);
}

/// <param name="Name">The index's directory name (<c>public</c>, <c>backoffice</c>).</param>
/// <param name="Health">What the index does now; <see cref="HealthText"/> says it in Vietnamese.</param>
/// <param name="UpdatedAt">The last commit (UTC), if any.</param>
/// <param name="Rebuild">A rebuild under way, shown as a progress bar; null when none runs.</param>
/// <param name="Healed">How many times this process found the index missing, corrupt or locked and rebuilt it.</param>
internal sealed record SearchIndexRow(string Name, string Label, SearchIndexHealth Health, int Documents, DateTime? UpdatedAt, string Detail, int Healed,
    string Directory, SearchIndexRebuild? Rebuild)
{
    public string HealthText => Health switch
    {
        SearchIndexHealth.Ready => "Sẵn sàng",
        SearchIndexHealth.Building => "Đang xây dựng",
        _ => "Không dùng được",
    };
}

internal sealed record SearchIndexRebuild(int Done, int Total);

/// <summary>The node's Lucene indexes as <see cref="SearchIndexes"/> reports them.</summary>
internal sealed class LuceneSearchIndexStatus(SearchIndexes indexes, IDbContextFactory<PortalDbContext> contexts, TimeProvider clock) : ISearchIndexStatus
{
    public SearchIndexReport Report() => new(
        indexes.States.Select(s => new SearchIndexRow(s.Name, s.Label, s.Health, s.Documents, s.UpdatedAt, s.Detail, s.Healed, s.Directory,
            s.Rebuild is { } r ? new SearchIndexRebuild(r.Done, r.Total) : null)).ToList(),
        CanRebuild: true);

    public async Task<bool> StartRebuildAsync(Actor actor, CancellationToken cancellationToken)
    {
        if (!indexes.StartRebuild())
        {
            return false;
        }

        // A rebuild makes this node's search answer from the old copy for a while: who asked for it, and on which node, is kept.
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var folders = string.Join(", ", indexes.States.Select(s => s.Directory));
        db.AuditLog.Add(new AuditEntry(actor, AuditEntityTypes.SearchIndex, null, AuditActions.SearchRebuildStarted, clock.GetUtcNow().UtcDateTime,
            $"Nút {Environment.MachineName}: {folders}"));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
