using System.Globalization;
using Portal.Core.Content;
using Portal.Core.Media;
using Portal.Core.Schema;
using Portal.Core.Text;
using Portal.Data.Media;
using Portal.Web.Features.Media;
using Library = Portal.Core.Media.MediaLibrary;

namespace Portal.Web.Features.Backoffice.MediaLibrary;

/// <summary>Builds what the media pages show: folder contents sorted the Vietnamese way, breadcrumbs, facts, usages.</summary>
internal sealed class MediaPageBuilder(MediaItemStore items, MediaUsageQueries usages, ISchemaCatalog schema, Library library)
{
    private const int ThumbnailWidth = 80;
    private const int PreviewWidth = 800;

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
    private static readonly StringComparer ByName = StringComparer.Create(Vietnamese, ignoreCase: true);

    public MediaItemStore Items => items;

    public long MaxUploadBytes => library.MaxUploadBytes;

    public async Task<FolderPage> FolderAsync(MediaItem? folder, CancellationToken cancellationToken)
    {
        var folders = await items.FoldersAsync(cancellationToken);
        var children = await items.ChildrenAsync(folder?.Key, cancellationToken);
        return new FolderPage
        {
            Folder = folder,
            Crumbs = CrumbsOf(folder?.Key, folders),
            Rows = Sorted(children).Select(Row).ToList(),
            Folders = folders.All.Select(f => new FolderChoice(f.Key, PathOf(f.Key, folders))).OrderBy(c => c.Path, ByName).ToList(),
            MaxUpload = MediaUploadLimits.Megabytes(library.MaxUploadBytes),
            Forms = new FolderForms { UploadFolder = folder?.Key },
        };
    }

    /// <summary>The item page with the item's stored details in the form.</summary>
    public Task<ItemPage> ItemAsync(MediaItem item, CancellationToken cancellationToken) =>
        ItemAsync(item, item.Name, item.AltText ?? string.Empty, Percent(item.FocalLeft), Percent(item.FocalTop), cancellationToken);

    /// <summary>The item page with what was typed into the details form.</summary>
    public async Task<ItemPage> ItemAsync(MediaItem item, string name, string altText, string focalLeft, string focalTop,
        CancellationToken cancellationToken)
    {
        var folders = await items.FoldersAsync(cancellationToken);
        var crumbs = CrumbsOf(item.ParentKey, folders).Append(new FolderCrumb(item.Key, item.Name)).ToList();
        var used = await usages.DocumentsUsingAsync(item, cancellationToken);
        return new ItemPage
        {
            Row = Row(item),
            Crumbs = crumbs,
            Usages = used
                .Select(u => new UsageLine(u.DocumentKey, u.Name, schema.FindContentType(u.ContentTypeAlias)?.Name ?? u.ContentTypeAlias,
                    u.Status.ToVietnamese(), u.Trashed))
                .OrderBy(u => u.Name, ByName).ToList(),
            MaxUpload = MediaUploadLimits.Megabytes(library.MaxUploadBytes),
            Name = name,
            AltText = altText,
            FocalLeft = focalLeft,
            FocalTop = focalTop,
        };
    }

    /// <summary>A folder's folders and files for the picker; only images when <paramref name="imagesOnly"/>.</summary>
    public async Task<PickerPage> PickerAsync(string? field, bool imagesOnly, MediaItem? folder, MediaItem? chosen,
        CancellationToken cancellationToken)
    {
        var folders = await items.FoldersAsync(cancellationToken);
        var children = await items.ChildrenAsync(folder?.Key, cancellationToken);
        var shown = children.Where(c => c.IsFolder || !imagesOnly || c.MediaTypeAlias == MediaTypes.Image);
        return new PickerPage(field, imagesOnly, CrumbsOf(folder?.Key, folders), Sorted(shown).Select(Row).ToList(),
            chosen is null ? null : Row(chosen));
    }

    /// <summary>The image scaled for the item page (never wider than it is).</summary>
    public static Thumbnail? Preview(MediaItem item) => Scaled(item, PreviewWidth);

    /// <summary>A fraction 0–1 as the percentage the focal point inputs show: <c>0.375</c> → <c>37.5</c>.</summary>
    public static string Percent(double fraction) => Math.Round(fraction * 100, 1).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>
    /// A percentage typed into a focal point input, as the fraction Core stores; a decimal comma is accepted because that
    /// is how Vietnamese write it. Null for anything that is not a number from 0 to 100.
    /// </summary>
    public static double? Fraction(string? percent)
    {
        var text = (percent ?? string.Empty).Trim().Replace(',', '.');
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 100
            ? value / 100
            : null;
    }

    public static string Local(DateTime utc) => VietnamTime.FromUtc(utc).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    private static IEnumerable<MediaItem> Sorted(IEnumerable<MediaItem> children) =>
        children.OrderBy(c => c.IsFolder ? 0 : 1).ThenBy(c => c.Name, ByName);

    private static MediaRow Row(MediaItem item) => new(
        item,
        TypeOf(item),
        item.Bytes is { } bytes ? Size(bytes) : string.Empty,
        item.Width is { } w && item.Height is { } h ? $"{w} × {h} px" : string.Empty,
        Local(item.UpdatedAt),
        Scaled(item, ThumbnailWidth));

    private static string TypeOf(MediaItem item) => item.MediaTypeAlias switch
    {
        MediaTypes.Folder => "Thư mục",
        MediaTypes.Image => $"Ảnh {item.Extension?.ToUpperInvariant()}",
        _ => $"Tài liệu {item.Extension?.ToUpperInvariant()}",
    };

    internal static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => (bytes / 1024d).ToString("0.#", Vietnamese) + " KB",
        _ => (bytes / (1024d * 1024d)).ToString("0.#", Vietnamese) + " MB",
    };

    private static Thumbnail? Scaled(MediaItem item, int maxWidth)
    {
        if (item.MediaTypeAlias != MediaTypes.Image || item.Url is null || item.Width is not > 0 || item.Height is not > 0)
        {
            return null;
        }

        var width = Math.Min(maxWidth, item.Width.Value);
        var height = Math.Max(1, (int)Math.Round((double)width * item.Height.Value / item.Width.Value));
        return new Thumbnail($"{item.Url}?width={width}", width, height);
    }

    /// <summary>The root, then each folder down to <paramref name="folderKey"/> (included). A missing parent or a cycle ends the walk.</summary>
    private static List<FolderCrumb> CrumbsOf(Guid? folderKey, MediaFolders folders)
    {
        var chain = new List<FolderCrumb>();
        var seen = new HashSet<Guid>();
        for (var key = folderKey; key is { } k && seen.Add(k) && folders.Find(k) is { } folder; key = folder.ParentKey)
        {
            chain.Add(new FolderCrumb(folder.Key, folder.Name));
        }

        chain.Add(new FolderCrumb(null, MediaLibraryPaths.RootName));
        chain.Reverse();
        return chain;
    }

    private static string PathOf(Guid key, MediaFolders folders) =>
        string.Join(" › ", CrumbsOf(key, folders).Skip(1).Select(c => c.Name));
}
