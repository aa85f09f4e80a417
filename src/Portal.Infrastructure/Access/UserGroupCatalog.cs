using Microsoft.EntityFrameworkCore;
using Portal.Core.Access;
using Portal.Core.Content;
using Portal.Core.Events;
using Portal.Data;

namespace Portal.Infrastructure.Access;

/// <summary>
/// The seeded user groups: the fixed ones of the plan (administrators, Provincial Office, newspaper, Home Affairs,
/// procedure control) and two for every unit, <c>unit-{segment}-editors</c> and <c>unit-{segment}-approvers</c>.
/// Groups are created when missing and never overwritten, so an administrator's later changes stand.
/// Creating a unit page creates its two groups at once (a durable outbox consumer).
/// </summary>
public sealed class UserGroupCatalog(IDbContextFactory<PortalDbContext> contexts) : IContentEventConsumer
{
    public const string ProvincialOffice = "provincialOffice";
    public const string Newspaper = "newspaper";
    public const string HomeAffairs = "homeAffairs";
    public const string Procedures = "procedures";
    public const string UnitAlias = "unit";

    public const Permission EditorPermissions = Permission.Browse | Permission.Create | Permission.Update | Permission.SendForApproval;
    public const Permission ApproverPermissions = EditorPermissions | Permission.Publish | Permission.Unpublish | Permission.Rollback;

    private sealed record Fixed(string Alias, string Name, string[] Sections, Permission Permissions, bool Root, string? StartNodeType);

    private static readonly Fixed[] FixedGroups =
    [
        new(UserGroup.AdministratorsAlias, "Quản trị hệ thống", [.. Section.All], Permission.All, true, null),
        new(ProvincialOffice, "Văn phòng UBND tỉnh", [Section.Directives, Section.Media], Permission.All, false, "directiveList"),
        new(Newspaper, "Báo Kon Tum", [Section.Column, Section.Media], Permission.All, false, "column"),
        new(HomeAffairs, "Sở Nội vụ", [Section.Content, Section.Forum, Section.Reports], Permission.Browse, true, null),
        new(Procedures, "Sở TT&TT – kiểm soát thủ tục hành chính", [Section.Procedures, Section.Media], Permission.All, false, "procedureSet"),
    ];

    public static string EditorsAlias(string unitSegment) => $"unit-{unitSegment}-editors";

    public static string ApproversAlias(string unitSegment) => $"unit-{unitSegment}-approvers";

    public string Name => "user-groups";

    public ConsumerScope Scope => ConsumerScope.Durable;

    public async Task HandleAsync(ContentEvent contentEvent, CancellationToken cancellationToken)
    {
        if (contentEvent is not DocumentCreated created)
        {
            return;
        }

        if (created.ContentTypeAlias == UnitAlias)
        {
            await EnsureAsync([created.DocumentKey], cancellationToken);
        }
        else if (FixedGroups.FirstOrDefault(g => g.StartNodeType == created.ContentTypeAlias) is { } owner)
        {
            await AddStartNodeAsync(owner.Alias, created.DocumentKey, cancellationToken);
        }
    }

    /// <summary>A new procedure set (or directive list, or column) belongs to the group that keeps such pages.</summary>
    private async Task AddStartNodeAsync(string groupAlias, Guid documentKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var group = await db.UserGroups.SingleOrDefaultAsync(g => g.Alias == groupAlias, cancellationToken);
        if (group is null || group.StartNodeKeys.Contains(documentKey))
        {
            return;
        }

        group.Change(group.Name, group.Sections, group.Permissions, group.HasRootAccess, [.. group.StartNodeKeys, documentKey]);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Creates every missing seeded group; at start-up for all units, from the consumer for new ones.</summary>
    public async Task EnsureAsync(CancellationToken cancellationToken) => await EnsureAsync(null, cancellationToken);

    private async Task EnsureAsync(IReadOnlyCollection<Guid>? onlyUnits, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var existing = await db.UserGroups.Select(g => new { g.Alias, g.UnitKey }).ToListAsync(cancellationToken);
        var aliases = existing.Select(g => g.Alias).ToHashSet(StringComparer.Ordinal);
        var unitsWithGroups = existing.Where(g => g.UnitKey != null).Select(g => g.UnitKey!.Value).ToHashSet();

        if (onlyUnits is null)
        {
            foreach (var group in FixedGroups.Where(g => !aliases.Contains(g.Alias)))
            {
                var startNodes = group.StartNodeType is null
                    ? []
                    : await db.Documents.Where(d => d.ContentTypeAlias == group.StartNodeType && !d.Trashed).Select(d => d.Key).ToListAsync(cancellationToken);
                db.UserGroups.Add(new UserGroup(Guid.NewGuid(), group.Alias, group.Name, group.Sections, group.Permissions, group.Root, startNodes));
            }
        }

        var units = await db.Documents.AsNoTracking()
            .Where(d => d.ContentTypeAlias == UnitAlias && !d.Trashed && (onlyUnits == null || onlyUnits.Contains(d.Key)))
            .Select(d => new
            {
                d.Key,
                Edition = d.Editions.Where(e => e.Status != EditionStatus.Discarded).OrderByDescending(e => e.Number)
                    .Select(e => new { e.Name, e.UrlSegment }).First(),
            })
            .ToListAsync(cancellationToken);
        foreach (var unit in units.Where(u => !unitsWithGroups.Contains(u.Key)))
        {
            var editors = EditorsAlias(unit.Edition.UrlSegment);
            var approvers = ApproversAlias(unit.Edition.UrlSegment);
            if (aliases.Contains(editors) || aliases.Contains(approvers))
            {
                continue;
            }

            string[] sections = [Section.Content, Section.Media, Section.Forum];
            db.UserGroups.Add(new UserGroup(Guid.NewGuid(), editors, $"Biên tập viên – {unit.Edition.Name}", sections, EditorPermissions, false, [unit.Key], unit.Key));
            db.UserGroups.Add(new UserGroup(Guid.NewGuid(), approvers, $"Người duyệt – {unit.Edition.Name}", sections, ApproverPermissions, false, [unit.Key], unit.Key));
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
