using System.Globalization;
using Portal.Core.Access;
using Portal.Core.Content;
using Portal.Core.Schema;
using Portal.Data.Content;
using Portal.Data.Media;
using Portal.Infrastructure.PublishedCache;
using Portal.Web.Features.Management.Documents;
using Portal.Web.Features.SignIn;

namespace Portal.Web.Features.Backoffice.Content;

/// <summary>A branch of the tree beside the editor: the node, whether it may be opened, and its children when expanded.</summary>
internal sealed record TreeBranch(VisibleNode Node, IReadOnlyList<TreeBranch>? Children);

internal sealed record Crumb(Guid Key, string Name);

/// <summary>The editing page of one document (or of a new one, when <see cref="Document"/> is null).</summary>
internal sealed record EditorPage
{
    public required ContentType ContentType { get; init; }
    public Document? Document { get; init; }
    public Guid? ParentKey { get; init; }
    public required string Name { get; init; }
    public required IReadOnlyList<EditorTab> Tabs { get; init; }
    public IReadOnlyList<FormError> Errors { get; init; } = [];
    public string? Notice { get; init; }
    public Permission Permissions { get; init; }
    public IReadOnlyList<TreeBranch> Tree { get; init; } = [];
    public IReadOnlyList<Crumb> Crumbs { get; init; } = [];
    public IReadOnlyList<ContentType> ChildTypes { get; init; } = [];
    public string? PublicUrl { get; init; }
    public string? OtherEditor { get; init; }
    public bool Conflict { get; init; }
    public bool IsAdministrator { get; init; }

    /// <summary>The form has an upload field, so it is posted as <c>multipart/form-data</c>.</summary>
    public bool TakesFiles { get; init; }

    public int? Version => Document?.Version;

    public bool Can(Permission permission) => (Permissions & permission) == permission;
}

internal sealed record TreePage(IReadOnlyList<TreeBranch> Tree, IReadOnlyList<ContentType> RootTypes, bool WholeTree, string? Notice);

/// <summary>Builds what the editor pages show around the form: tree, breadcrumbs, choices for pickers, allowed child types.</summary>
internal sealed class ContentPageBuilder(DocumentTree tree, DocumentQueries queries, ISchemaCatalog schema, PublishedRouteTree routes,
    MediaItemStore media)
{
    private const int PickerMediaLimit = 500;

    public ISchemaCatalog Schema => schema;

    public async Task<PickerChoices> ChoicesAsync(CancellationToken cancellationToken)
    {
        var documents = routes.Reachable()
            .Where(r => r.Node.ParentKey is not null)
            .Select(r => new EditorOption(DocumentUdi.Format(r.Node.Key), Label(r.Node), false))
            .ToList();
        var items = await media.FilesAsync(PickerMediaLimit, cancellationToken);
        var mediaItems = items.Select(m => new EditorOption(m.Key.ToString(), m.Name + (m.Extension is { } e ? $" (.{e})" : string.Empty), false)).ToList();
        return new PickerChoices(documents, mediaItems);
    }

    /// <summary>The choices, with the files these upload values point to.</summary>
    public async Task<PickerChoices> ChoicesAsync(IEnumerable<string> uploadValues, CancellationToken cancellationToken)
    {
        var choices = await ChoicesAsync(cancellationToken);
        var urls = uploadValues.Where(v => v.StartsWith("/media/", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        var files = await media.FindByUrlsAsync(urls, cancellationToken);
        return choices with
        {
            Files = files.ToDictionary(f => f.Url!, f => new AttachedFile(f.Name, f.Bytes is { } b ? MediaLibrary.MediaPageBuilder.Size(b) : string.Empty),
                StringComparer.Ordinal),
        };
    }

    private string Label(PublishedNode node) =>
        string.Join(" › ", routes.AncestorsOf(node.Key).Where(a => a.ParentKey is not null).Select(a => a.Name).Append(node.Name));

    public async Task<IReadOnlyList<TreeBranch>> TreeAsync(Actor actor, Document? open, CancellationToken cancellationToken)
    {
        var expand = open is null ? [] : open.Path.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => Guid.TryParseExact(p, "N", out var k) ? k : Guid.Empty).ToHashSet();
        return await BranchesAsync(await tree.RootAsync(actor, cancellationToken), actor, expand, depth: 0, cancellationToken);
    }

    private async Task<IReadOnlyList<TreeBranch>> BranchesAsync(IReadOnlyList<VisibleNode> nodes, Actor actor, HashSet<Guid> expand, int depth,
        CancellationToken cancellationToken)
    {
        var branches = new List<TreeBranch>(nodes.Count);
        foreach (var node in nodes)
        {
            // The top level and the open page's ancestors are unfolded; everything else stays one click away.
            var unfold = node.Node.HasChildren && (expand.Contains(node.Node.Key) || (depth == 0 && nodes.Count <= 3));
            var children = unfold
                ? await BranchesAsync(await tree.ChildrenAsync(node.Node.Key, actor, cancellationToken), actor, expand, depth + 1, cancellationToken)
                : null;
            branches.Add(new TreeBranch(node, children));
        }

        return branches;
    }

    public async Task<IReadOnlyList<Crumb>> CrumbsAsync(Document document, CancellationToken cancellationToken)
    {
        var keys = document.Path.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => Guid.TryParseExact(p, "N", out var k) ? k : Guid.Empty).Where(k => k != Guid.Empty && k != document.Key).ToList();
        var nodes = await queries.NodesAsync(keys, cancellationToken);
        return nodes.OrderBy(n => n.Level).Select(n => new Crumb(n.Key, n.Name)).ToList();
    }

    public IReadOnlyList<ContentType> ChildTypesOf(string contentTypeAlias) =>
        schema.FindContentType(contentTypeAlias)?.AllowedChildren.OrderBy(c => c.SortOrder)
            .Select(c => schema.FindContentType(c.Alias)).OfType<ContentType>().Where(t => !t.IsElement).ToList() ?? [];

    public IReadOnlyList<ContentType> RootTypes() => schema.ContentTypes.Where(t => t.AllowAtRoot && !t.IsElement).ToList();

    public string? PublicUrlOf(Guid key) => routes.UrlOf(key);

    public static string Local(DateTime utc) =>
        Core.Text.VietnamTime.FromUtc(utc).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
}
