using Microsoft.EntityFrameworkCore;
using Portal.Core.Media;

namespace Portal.Data.Media;

/// <summary>Media items in the database: the library's store, and the reads of the Management and Delivery APIs.</summary>
public sealed class MediaItemStore(IDbContextFactory<PortalDbContext> contexts) : IMediaItemStore
{
    public async Task<MediaItem?> FindAsync(Guid key, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.MediaItems.AsNoTracking().SingleOrDefaultAsync(m => m.Key == key, cancellationToken);
    }

    /// <summary>The items with these keys that exist, in the order the keys were given.</summary>
    public async Task<IReadOnlyList<MediaItem>> FindManyAsync(IReadOnlyCollection<Guid> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await db.MediaItems.AsNoTracking().Where(m => keys.Contains(m.Key)).ToDictionaryAsync(m => m.Key, cancellationToken);
        return keys.Distinct().Where(found.ContainsKey).Select(k => found[k]).ToList();
    }

    public async Task<bool> HasChildrenAsync(Guid key, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.MediaItems.AnyAsync(m => m.ParentKey == key, cancellationToken);
    }

    /// <summary>Which of these items have at least one child (for the tree's expand arrows).</summary>
    public async Task<IReadOnlySet<Guid>> WithChildrenAsync(IReadOnlyCollection<Guid> keys, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var parents = await db.MediaItems.Where(m => m.ParentKey != null && keys.Contains(m.ParentKey.Value))
            .Select(m => m.ParentKey!.Value).Distinct().ToListAsync(cancellationToken);
        return parents.ToHashSet();
    }

    public async Task<int> NextSortOrderAsync(Guid? parentKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var last = await db.MediaItems.Where(m => m.ParentKey == parentKey).MaxAsync(m => (int?)m.SortOrder, cancellationToken);
        return last is { } l ? l + 1 : 0;
    }

    public async Task<bool> UrlTakenAsync(string url, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.MediaItems.AnyAsync(m => m.Url == url, cancellationToken);
    }

    /// <summary>The files at these media addresses (the values of upload fields), those that exist.</summary>
    public async Task<IReadOnlyList<MediaItem>> FindByUrlsAsync(IReadOnlyCollection<string> urls, CancellationToken cancellationToken)
    {
        if (urls.Count == 0)
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.MediaItems.AsNoTracking().Where(m => m.Url != null && urls.Contains(m.Url)).ToListAsync(cancellationToken);
    }

    public async Task AddAsync(MediaItem item, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.MediaItems.Add(item);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<bool> UpdateAsync(MediaItem item, int loadedVersion, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entry = db.MediaItems.Attach(item);
        entry.State = EntityState.Modified;
        entry.Property(m => m.Version).OriginalValue = loadedVersion;
        return await SaveAsync(db, cancellationToken);
    }

    public async Task<bool> RemoveAsync(MediaItem item, int loadedVersion, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entry = db.MediaItems.Attach(item);
        entry.Property(m => m.Version).OriginalValue = loadedVersion;
        entry.State = EntityState.Deleted;
        return await SaveAsync(db, cancellationToken);
    }

    /// <summary>One page of a folder's children (the root when <paramref name="parentKey"/> is null), folders first, then in sort order.</summary>
    public async Task<(int Total, IReadOnlyList<MediaItem> Items)> ChildrenPageAsync(Guid? parentKey, int skip, int take,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var children = db.MediaItems.AsNoTracking().Where(m => m.ParentKey == parentKey);
        var total = await children.CountAsync(cancellationToken);
        var items = await children
            .OrderBy(m => m.MediaTypeAlias == MediaTypes.Folder ? 0 : 1).ThenBy(m => m.SortOrder).ThenBy(m => m.Key)
            .Skip(skip).Take(take).ToListAsync(cancellationToken);
        return (total, items);
    }

    /// <summary>Every child of a folder (or of the root), for queries that filter and sort by rules the database cannot apply to Vietnamese.</summary>
    public async Task<IReadOnlyList<MediaItem>> ChildrenAsync(Guid? parentKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.MediaItems.AsNoTracking().Where(m => m.ParentKey == parentKey).OrderBy(m => m.SortOrder).ThenBy(m => m.Key)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The newest files (not folders), for the choices of a media picker without scripting.</summary>
    public async Task<IReadOnlyList<MediaItem>> FilesAsync(int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.MediaItems.AsNoTracking().Where(m => m.MediaTypeAlias != MediaTypes.Folder).OrderByDescending(m => m.CreatedAt)
            .Take(take).ToListAsync(cancellationToken);
    }

    /// <summary>Every folder, with its parent and name: the library's shape, small enough to hold whole while answering one request.</summary>
    public async Task<MediaFolders> FoldersAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var folders = await db.MediaItems.AsNoTracking().Where(m => m.MediaTypeAlias == MediaTypes.Folder)
            .OrderBy(m => m.SortOrder).ThenBy(m => m.Key)
            .Select(m => new MediaFolder(m.Key, m.ParentKey, m.Name)).ToListAsync(cancellationToken);
        return new MediaFolders(folders);
    }

    /// <summary>
    /// The item at a path of names from the root (<c>/folder/sub folder/photo.jpg</c>), compared without regard to case as
    /// Umbraco's media path lookup does; the first match in sort order wins when siblings share a name.
    /// </summary>
    public async Task<MediaItem?> ResolvePathAsync(string path, MediaFolders folders, CancellationToken cancellationToken)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0)
        {
            return null;
        }

        Guid? parent = null;
        foreach (var segment in segments[..^1])
        {
            if (folders.Child(parent, segment) is not { } folder)
            {
                return null;
            }

            parent = folder.Key;
        }

        var last = segments[^1];
        return (await ChildrenAsync(parent, cancellationToken)).FirstOrDefault(m => MediaFolders.SameName(m.Name, last));
    }

    private static async Task<bool> SaveAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            return await db.SaveChangesAsync(cancellationToken) > 0;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }
}

public sealed record MediaFolder(Guid Key, Guid? ParentKey, string Name);

/// <summary>All folders of the library at one moment, to build paths and walk them without a query per level.</summary>
public sealed class MediaFolders
{
    private readonly Dictionary<Guid, MediaFolder> byKey;
    private readonly ILookup<Guid?, MediaFolder> byParent;

    public MediaFolders(IReadOnlyList<MediaFolder> folders)
    {
        byKey = folders.ToDictionary(f => f.Key);
        byParent = folders.ToLookup(f => f.ParentKey);
    }

    /// <summary>Every folder, in no particular order (a folder chooser sorts them by path).</summary>
    public IReadOnlyCollection<MediaFolder> All => byKey.Values;

    public MediaFolder? Find(Guid key) => byKey.GetValueOrDefault(key);

    public MediaFolder? Child(Guid? parentKey, string name) => byParent[parentKey].FirstOrDefault(f => SameName(f.Name, name));

    /// <summary>
    /// Umbraco's media <c>path</c>: the lower-cased names from the root down to the item, between slashes
    /// (<c>/ảnh hội nghị/logo.png/</c>). A parent that no longer exists ends the walk, as does a cycle.
    /// </summary>
    public string PathOf(MediaItem item)
    {
        var names = new List<string> { item.Name.ToLowerInvariant() };
        var seen = new HashSet<Guid> { item.Key };
        for (var parent = item.ParentKey; parent is { } key && seen.Add(key) && byKey.TryGetValue(key, out var folder); parent = folder.ParentKey)
        {
            names.Add(folder.Name.ToLowerInvariant());
        }

        names.Reverse();
        return "/" + string.Join('/', names) + "/";
    }

    public static bool SameName(string a, string b) =>
        string.Equals(Portal.Core.Text.VietnameseText.Nfc(a), Portal.Core.Text.VietnameseText.Nfc(b), StringComparison.OrdinalIgnoreCase);
}
