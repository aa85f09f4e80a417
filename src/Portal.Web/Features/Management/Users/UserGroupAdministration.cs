using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Access;
using Portal.Data;
using Portal.Data.Audit;
using Portal.Web.Features.Management.Documents;

namespace Portal.Web.Features.Management.Users;

/// <summary>The checked content of a group request: what <see cref="UserGroup"/> takes.</summary>
internal sealed record UserGroupDefinition(string Name, IReadOnlyList<string> Sections, Permission Permissions, bool RootAccess,
    IReadOnlyList<Guid> StartNodes, IReadOnlyDictionary<Guid, Permission> NodePermissions);

/// <summary>
/// User groups as the Management API manages them. A person who is not an administrator may not change the
/// administrators group, nor a group they belong to: otherwise the Users section would let them raise their own rights.
/// </summary>
internal sealed partial class UserGroupAdministration(PortalDbContext db, TimeProvider clock)
{
    public const string Icon = "icon-users";

    public async Task<PagedResponse<UserGroupResponse>> PageAsync(int skip, int take, CancellationToken cancellationToken)
    {
        var total = await db.UserGroups.CountAsync(cancellationToken);
        var page = await db.UserGroups.AsNoTracking().OrderBy(g => g.Alias).Skip(skip).Take(take).ToListAsync(cancellationToken);
        return new PagedResponse<UserGroupResponse>(total, page.Select(ToResponse).ToList());
    }

    public async Task<UserGroupResponse?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await db.UserGroups.AsNoTracking().SingleOrDefaultAsync(g => g.Key == id, cancellationToken) is { } group ? ToResponse(group) : null;

    public async Task<(UserAdministrationStatus Status, Guid Id, string? Detail)> CreateAsync(UserGroupRequest request, Actor actor,
        CancellationToken cancellationToken)
    {
        var alias = request.Alias?.Trim() ?? string.Empty;
        if (!AliasPattern().IsMatch(alias))
        {
            return (UserAdministrationStatus.InvalidAlias, Guid.Empty, null);
        }

        if (await db.UserGroups.AnyAsync(g => g.Alias == alias, cancellationToken))
        {
            return (UserAdministrationStatus.DuplicateAlias, Guid.Empty, null);
        }

        if (request.Id is { } id && await db.UserGroups.AnyAsync(g => g.Key == id, cancellationToken))
        {
            return (UserAdministrationStatus.IdInUse, Guid.Empty, null);
        }

        var (status, definition, detail) = await ReadAsync(request, current: null, cancellationToken);
        if (definition is null)
        {
            return (status, Guid.Empty, detail);
        }

        var group = new UserGroup(request.Id ?? Guid.NewGuid(), alias, definition.Name, definition.Sections, definition.Permissions,
            definition.RootAccess, definition.StartNodes);
        foreach (var (document, permissions) in definition.NodePermissions)
        {
            group.SetNodePermission(document, permissions);
        }

        db.UserGroups.Add(group);
        Audit(actor, group.Key, AuditActions.UserGroupCreated, Describe(group));
        await db.SaveChangesAsync(cancellationToken);
        return (UserAdministrationStatus.Success, group.Key, null);
    }

    public async Task<(UserAdministrationStatus Status, string? Detail)> UpdateAsync(Guid id, UserGroupRequest request, Actor actor,
        CancellationToken cancellationToken)
    {
        var group = await db.UserGroups.SingleOrDefaultAsync(g => g.Key == id, cancellationToken);
        if (group is null)
        {
            return (UserAdministrationStatus.UserGroupNotFound, null);
        }

        if (MayChange(group.Key, group.IsAdministrators, actor) is var refused and not UserAdministrationStatus.Success)
        {
            return (refused, null);
        }

        var (status, definition, detail) = await ReadAsync(request, group, cancellationToken);
        if (definition is null)
        {
            return (status, detail);
        }

        // Two saves in one transaction: a changed grant is removed before it is added again under the same key.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        group.Change(definition.Name, definition.Sections, definition.Permissions, definition.RootAccess, definition.StartNodes);
        foreach (var stale in group.NodePermissions
                     .Where(p => !definition.NodePermissions.TryGetValue(p.DocumentKey, out var wanted) || wanted != p.Permissions).ToList())
        {
            group.ClearNodePermission(stale.DocumentKey);
        }

        await db.SaveChangesAsync(cancellationToken);
        var added = definition.NodePermissions.Where(p => !group.NodePermissions.Any(n => n.DocumentKey == p.Key)).Select(p => p.Key).ToHashSet();
        foreach (var document in added)
        {
            group.SetNodePermission(document, definition.NodePermissions[document]);
        }

        // The owned grant's document key counts as store-generated by convention, so EF takes a new grant, whose key is
        // already set, for an existing row to update; it is a new row.
        db.ChangeTracker.DetectChanges();
        foreach (var entry in db.ChangeTracker.Entries<NodePermission>().Where(e => e.State == EntityState.Modified && added.Contains(e.Entity.DocumentKey)))
        {
            entry.State = EntityState.Added;
        }

        Audit(actor, group.Key, AuditActions.UserGroupChanged, Describe(group));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (UserAdministrationStatus.Success, null);
    }

    /// <summary>Whether the actor may change the group: only administrators change the administrators or a group of their own.</summary>
    public static UserAdministrationStatus MayChange(Guid groupKey, bool isAdministrators, Actor actor) =>
        actor.IsAdministrator ? UserAdministrationStatus.Success
        : isAdministrators ? UserAdministrationStatus.AdministratorsOnly
        : actor.Groups.Any(g => g.Key == groupKey) ? UserAdministrationStatus.OwnGroup
        : UserAdministrationStatus.Success;

    /// <summary>How many users (people and API users) each group has; groups without any are left out.</summary>
    public async Task<IReadOnlyDictionary<Guid, int>> MemberCountsAsync(CancellationToken cancellationToken) =>
        await db.UserGroupMembers.GroupBy(m => m.GroupKey).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

    public static UserGroupResponse ToResponse(UserGroup group) => new(
        group.Key,
        group.Alias,
        group.Name,
        Icon,
        group.Sections,
        [],
        HasAccessToAllLanguages: true,
        group.HasRootAccess,
        group.StartNodeKeys.Count > 0 ? new ReferenceById(group.StartNodeKeys[0]) : null,
        MediaRootAccess: true,
        MediaStartNode: null,
        group.Permissions.ToUmbracoVerbs(),
        group.NodePermissions.OrderBy(p => p.DocumentKey)
            .Select(p => new DocumentPermissionModel(DocumentPermissionModel.TypeName, new ReferenceById(p.DocumentKey), p.Permissions.ToUmbracoVerbs()))
            .ToList(),
        group.StartNodeKeys,
        IsDeletable: false,
        AliasCanBeChanged: false);

    /// <summary>Checks a request against what Portal knows; on update, what the request leaves out keeps its value.</summary>
    private async Task<(UserAdministrationStatus Status, UserGroupDefinition? Definition, string? Detail)> ReadAsync(UserGroupRequest request,
        UserGroup? current, CancellationToken cancellationToken)
    {
        var name = request.Name?.Trim() ?? string.Empty;
        if (name.Length is 0 or > 200)
        {
            return (UserAdministrationStatus.NameRequired, null, "Tên nhóm (name) dài từ 1 đến 200 ký tự.");
        }

        var sections = request.Sections?.ToList() ?? current?.Sections ?? [];
        var unknownSections = sections.Where(s => !Section.All.Contains(s, StringComparer.Ordinal)).ToList();
        if (unknownSections.Count > 0)
        {
            return (UserAdministrationStatus.UnknownSection, null,
                $"Không có: {string.Join(", ", unknownSections)}. Các phân hệ: {string.Join(", ", Section.All)}.");
        }

        var permissions = current?.Permissions ?? Permission.None;
        if (request.FallbackPermissions is { } verbs && !PermissionNames.TryParseUmbracoVerbs(verbs, out permissions))
        {
            return (UserAdministrationStatus.UnknownPermission, null, UnknownVerbs(verbs));
        }

        var nodePermissions = current?.NodePermissions.ToDictionary(p => p.DocumentKey, p => p.Permissions) ?? [];
        if (request.Permissions is { } granular)
        {
            nodePermissions = [];
            foreach (var grant in granular)
            {
                if (grant.Type is { } type && type != DocumentPermissionModel.TypeName)
                {
                    return (UserAdministrationStatus.UnknownPermission, null,
                        $"Chỉ hỗ trợ quyền trên trang ($type {DocumentPermissionModel.TypeName}), không có {type}.");
                }

                if (grant.Document is null)
                {
                    return (UserAdministrationStatus.UnknownDocument, null, "Mỗi quyền theo trang cần document: {id}.");
                }

                if (!PermissionNames.TryParseUmbracoVerbs(grant.Verbs ?? [], out var onDocument))
                {
                    return (UserAdministrationStatus.UnknownPermission, null, UnknownVerbs(grant.Verbs ?? []));
                }

                nodePermissions[grant.Document.Id] = onDocument;
            }
        }

        IReadOnlyList<Guid> requestedStart = request.StartNodeKeys
            ?? (request.DocumentStartNode is { } start ? new[] { start.Id } : null)
            ?? (IReadOnlyList<Guid>?)current?.StartNodeKeys
            ?? [];
        var startNodes = requestedStart.Distinct().ToList();
        var documents = startNodes.Concat(nodePermissions.Keys).Distinct().ToList();
        var known = await db.Documents.Where(d => documents.Contains(d.Key)).Select(d => d.Key).ToListAsync(cancellationToken);
        var missing = documents.Except(known).ToList();
        if (missing.Count > 0)
        {
            return (UserAdministrationStatus.UnknownDocument, null, $"Không có: {string.Join(", ", missing)}.");
        }

        var rootAccess = request.DocumentRootAccess ?? current?.HasRootAccess ?? false;
        return (UserAdministrationStatus.Success, new UserGroupDefinition(name, sections, permissions, rootAccess, startNodes, nodePermissions), null);
    }

    private static string UnknownVerbs(IEnumerable<string> verbs)
    {
        var valid = PermissionNames.Each.Select(p => p.ToUmbracoVerb()).ToList();
        return $"Không hỗ trợ: {string.Join(", ", verbs.Where(v => !valid.Contains(v, StringComparer.Ordinal)))}. Các quyền: {string.Join(", ", valid)}.";
    }

    private static string Describe(UserGroup group) =>
        $"{group.Alias} «{group.Name}»; phân hệ: {(group.Sections.Count == 0 ? "không" : string.Join(", ", group.Sections))}; "
        + $"quyền mặc định: {(group.Permissions == Permission.None ? "không" : group.Permissions.ToVietnamese())}; "
        + $"toàn bộ cây: {(group.HasRootAccess ? "có" : "không")}; trang bắt đầu: {group.StartNodeKeys.Count}; quyền theo trang: {group.NodePermissions.Count}";

    private void Audit(Actor actor, Guid groupKey, string action, string note) =>
        db.AuditLog.Add(new AuditEntry(actor, AuditEntityTypes.UserGroup, groupKey, action, clock.GetUtcNow().UtcDateTime, note));

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,199}$")]
    private static partial Regex AliasPattern();
}
