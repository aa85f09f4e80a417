using Portal.Core.Access;
using Portal.Core.Text;

namespace Portal.Core.Media;

/// <summary>An uploaded file as the library receives it: the bytes and the name the user's computer gave them.</summary>
public sealed record MediaFile(Stream Content, string FileName);

/// <summary>
/// The media library's verbs: create a folder, upload, replace a file, change the details, delete. Every verb needs the
/// Media section. A file becomes visible at its URL only once it is complete and its item is stored, and a failed
/// verb leaves neither a half-written file nor an item without its file.
/// </summary>
public sealed class MediaLibrary(IMediaItemStore items, IMediaFileStore files, IImageInspector images, MediaLibraryOptions options,
    TimeProvider clock)
{
    // A fresh random folder collides with an existing URL about once in 10^12 uploads; a few tries end it.
    private const int FolderAttempts = 5;

    public long MaxUploadBytes => options.MaxUploadBytes;

    public async Task<MediaOperationResult> CreateFolderAsync(string name, Guid? parentKey, Actor actor,
        CancellationToken cancellationToken = default)
    {
        if (!actor.AllowsSection(Section.Media))
        {
            return MediaOperationResult.Fail(MediaOperationStatus.Forbidden);
        }

        var (nameStatus, cleanName) = CleanName(name);
        if (nameStatus != MediaOperationStatus.Success)
        {
            return MediaOperationResult.Fail(nameStatus);
        }

        var parentStatus = await CheckParentAsync(parentKey, cancellationToken);
        if (parentStatus != MediaOperationStatus.Success)
        {
            return MediaOperationResult.Fail(parentStatus);
        }

        var folder = MediaItem.CreateFolder(Guid.NewGuid(), parentKey, cleanName, await items.NextSortOrderAsync(parentKey, cancellationToken),
            actor.Name, Now);
        await items.AddAsync(folder, cancellationToken);
        return MediaOperationResult.Done(folder.Key);
    }

    /// <param name="name">What editors see in the library; the file name when empty.</param>
    /// <param name="altText">Required for images.</param>
    public async Task<MediaOperationResult> UploadAsync(MediaFile file, string? name, string? altText, Guid? parentKey, FocalPoint? focalPoint,
        Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (!actor.AllowsSection(Section.Media))
        {
            return MediaOperationResult.Fail(MediaOperationStatus.Forbidden);
        }

        if (MediaFileRules.KindOf(file.FileName) is not { } kind)
        {
            return MediaOperationResult.Fail(MediaOperationStatus.ExtensionNotAllowed);
        }

        var (nameStatus, cleanName) = CleanName(string.IsNullOrWhiteSpace(name) ? Path.GetFileName(file.FileName.Replace('\\', '/')) : name);
        if (nameStatus != MediaOperationStatus.Success)
        {
            return MediaOperationResult.Fail(nameStatus);
        }

        var (detailStatus, cleanAlt, point) = CheckDetails(kind.IsImage, altText, focalPoint ?? FocalPoint.Centre);
        if (detailStatus != MediaOperationStatus.Success)
        {
            return MediaOperationResult.Fail(detailStatus);
        }

        var parentStatus = await CheckParentAsync(parentKey, cancellationToken);
        if (parentStatus != MediaOperationStatus.Success)
        {
            return MediaOperationResult.Fail(parentStatus);
        }

        await using var staged = await files.StageAsync(file.Content, options.MaxUploadBytes, cancellationToken);
        var (fileStatus, image) = await InspectAsync(staged, kind, cancellationToken);
        if (fileStatus != MediaOperationStatus.Success)
        {
            return MediaOperationResult.Fail(fileStatus);
        }

        var url = await FreeUrlAsync(MediaFileRules.NewFolder(), MediaFileRules.SafeFileName(file.FileName), cancellationToken);
        var item = MediaItem.CreateFile(Guid.NewGuid(), parentKey, cleanName, await items.NextSortOrderAsync(parentKey, cancellationToken),
            new StoredMediaFile(url, kind, staged!.Bytes, image), cleanAlt, point, actor.Name, Now);

        // The file first, then the row: should storing the row fail, disposing the staged file takes the file away again.
        staged.MoveTo(url);
        await items.AddAsync(item, cancellationToken);
        staged.Commit();
        return MediaOperationResult.Done(item.Key);
    }

    /// <summary>Puts a new file behind the same item (same key, same URL folder); the old file stays until the new one is stored.</summary>
    public async Task<MediaOperationResult> ReplaceAsync(Guid key, MediaFile file, Actor actor, int? expectedVersion = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (!actor.AllowsSection(Section.Media))
        {
            return MediaOperationResult.Fail(MediaOperationStatus.Forbidden);
        }

        var item = await items.FindAsync(key, cancellationToken);
        if (item is null)
        {
            return MediaOperationResult.Fail(MediaOperationStatus.NotFound);
        }

        if (item.IsFolder)
        {
            return MediaOperationResult.Fail(MediaOperationStatus.NotAFile, key);
        }

        if (MediaFileRules.KindOf(file.FileName) is not { } kind)
        {
            return MediaOperationResult.Fail(MediaOperationStatus.ExtensionNotAllowed, key);
        }

        // An image stays an image: pages show it in an <img>, and its alt text and focal point still have to mean something.
        if (kind.MediaTypeAlias != item.MediaTypeAlias)
        {
            return MediaOperationResult.Fail(MediaOperationStatus.FileKindMismatch, key);
        }

        if (expectedVersion is { } expected && expected != item.Version)
        {
            return MediaOperationResult.Fail(MediaOperationStatus.Conflict, key);
        }

        await using var staged = await files.StageAsync(file.Content, options.MaxUploadBytes, cancellationToken);
        var (fileStatus, image) = await InspectAsync(staged, kind, cancellationToken);
        if (fileStatus != MediaOperationStatus.Success)
        {
            return MediaOperationResult.Fail(fileStatus, key);
        }

        var oldUrl = item.Url!;
        var url = MediaFileRules.UrlOf(MediaFileRules.FolderOf(oldUrl) ?? MediaFileRules.NewFolder(), MediaFileRules.SafeFileName(file.FileName));
        if (url != oldUrl && await items.UrlTakenAsync(url, cancellationToken))
        {
            url = await FreeUrlAsync(MediaFileRules.NewFolder(), MediaFileRules.SafeFileName(file.FileName), cancellationToken);
        }

        var loadedVersion = item.Version;
        item.ReplaceFile(new StoredMediaFile(url, kind, staged!.Bytes, image), Now);
        staged.MoveTo(url);
        if (!await items.UpdateAsync(item, loadedVersion, cancellationToken))
        {
            return MediaOperationResult.Fail(MediaOperationStatus.Conflict, key);
        }

        staged.Commit();
        if (url != oldUrl)
        {
            files.Delete(oldUrl);
        }

        return MediaOperationResult.Done(key);
    }

    /// <summary>Renames the item and, for files, sets its alt text and focal point.</summary>
    public async Task<MediaOperationResult> SetDetailsAsync(Guid key, string name, string? altText, FocalPoint? focalPoint, Actor actor,
        int? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        if (!actor.AllowsSection(Section.Media))
        {
            return MediaOperationResult.Fail(MediaOperationStatus.Forbidden);
        }

        var item = await items.FindAsync(key, cancellationToken);
        if (item is null)
        {
            return MediaOperationResult.Fail(MediaOperationStatus.NotFound);
        }

        if (expectedVersion is { } expected && expected != item.Version)
        {
            return MediaOperationResult.Fail(MediaOperationStatus.Conflict, key);
        }

        var (nameStatus, cleanName) = CleanName(name);
        if (nameStatus != MediaOperationStatus.Success)
        {
            return MediaOperationResult.Fail(nameStatus, key);
        }

        var (detailStatus, cleanAlt, point) = CheckDetails(item.MediaTypeAlias == MediaTypes.Image, altText, focalPoint ?? item.FocalPoint);
        if (detailStatus != MediaOperationStatus.Success)
        {
            return MediaOperationResult.Fail(detailStatus, key);
        }

        var loadedVersion = item.Version;
        item.SetDetails(cleanName, cleanAlt, point, Now);
        return await items.UpdateAsync(item, loadedVersion, cancellationToken)
            ? MediaOperationResult.Done(key)
            : MediaOperationResult.Fail(MediaOperationStatus.Conflict, key);
    }

    /// <summary>Deletes a file item and its file, or an empty folder.</summary>
    public async Task<MediaOperationResult> DeleteAsync(Guid key, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!actor.AllowsSection(Section.Media))
        {
            return MediaOperationResult.Fail(MediaOperationStatus.Forbidden);
        }

        var item = await items.FindAsync(key, cancellationToken);
        if (item is null)
        {
            return MediaOperationResult.Fail(MediaOperationStatus.NotFound);
        }

        // Deleting a folder with everything in it is one click too easy to regret; the library has no recycle bin yet.
        if (item.IsFolder && await items.HasChildrenAsync(key, cancellationToken))
        {
            return MediaOperationResult.Fail(MediaOperationStatus.FolderNotEmpty, key);
        }

        if (!await items.RemoveAsync(item, item.Version, cancellationToken))
        {
            return MediaOperationResult.Fail(MediaOperationStatus.Conflict, key);
        }

        // The row goes first: a file left behind by a crash here is only wasted space, a row without its file is a broken image.
        if (item.Url is { } url)
        {
            files.Delete(url);
        }

        return MediaOperationResult.Done(key);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static (MediaOperationStatus, string) CleanName(string? name)
    {
        var clean = VietnameseText.Nfc(name ?? string.Empty).Trim();
        return clean.Length == 0 ? (MediaOperationStatus.NameRequired, clean)
            : clean.Length > MediaFileRules.NameMaxLength ? (MediaOperationStatus.NameTooLong, clean)
            : (MediaOperationStatus.Success, clean);
    }

    private static (MediaOperationStatus, string?, FocalPoint) CheckDetails(bool isImage, string? altText, FocalPoint focalPoint)
    {
        var alt = VietnameseText.Nfc(altText ?? string.Empty).Trim();
        if (alt.Length == 0 && isImage)
        {
            return (MediaOperationStatus.AltTextRequired, null, focalPoint);
        }

        if (alt.Length > MediaFileRules.AltTextMaxLength)
        {
            return (MediaOperationStatus.AltTextTooLong, null, focalPoint);
        }

        return focalPoint.IsValid
            ? (MediaOperationStatus.Success, alt.Length == 0 ? null : alt, focalPoint)
            : (MediaOperationStatus.InvalidFocalPoint, null, focalPoint);
    }

    private async Task<MediaOperationStatus> CheckParentAsync(Guid? parentKey, CancellationToken cancellationToken)
    {
        if (parentKey is not { } key)
        {
            return MediaOperationStatus.Success;
        }

        var parent = await items.FindAsync(key, cancellationToken);
        return parent is null ? MediaOperationStatus.ParentNotFound
            : !parent.IsFolder ? MediaOperationStatus.ParentNotFolder
            : MediaOperationStatus.Success;
    }

    /// <summary>Refuses what is too big, empty, or not what its extension says; for an image, also reads its size.</summary>
    private async Task<(MediaOperationStatus, ImageFacts?)> InspectAsync(IStagedMediaFile? staged, MediaFileKind kind,
        CancellationToken cancellationToken)
    {
        if (staged is null)
        {
            return (MediaOperationStatus.FileTooLarge, null);
        }

        if (staged.Bytes == 0)
        {
            return (MediaOperationStatus.FileEmpty, null);
        }

        if (kind.IsImage)
        {
            return await InspectImageAsync(staged, kind, cancellationToken);
        }

        await using var content = staged.OpenRead();
        var head = new byte[MediaFileRules.SignatureBytes];
        var read = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        return MediaFileRules.MatchesSignature(kind, head.AsSpan(0, read))
            ? (MediaOperationStatus.Success, null)
            : (MediaOperationStatus.ContentMismatch, null);
    }

    /// <summary>
    /// The header first: its format must be the extension's and its pixels within the limit, so a bomb is refused before a
    /// single pixel is decoded. Then every pixel is decoded to refuse a damaged file, and a photo that records where it was
    /// taken is saved again without it: editors upload phone photos of citizens' homes and offices, and the public site must
    /// not publish their coordinates.
    /// </summary>
    private async Task<(MediaOperationStatus, ImageFacts?)> InspectImageAsync(IStagedMediaFile staged, MediaFileKind kind,
        CancellationToken cancellationToken)
    {
        ImageFacts? image;
        await using (var content = staged.OpenRead())
        {
            image = await images.IdentifyAsync(content, cancellationToken);
        }

        if (image is null || image.ContentType != kind.ContentType)
        {
            return (MediaOperationStatus.ContentMismatch, null);
        }

        if (image.Pixels > options.MaxImagePixels)
        {
            return (MediaOperationStatus.ImageTooLarge, null);
        }

        bool whole;
        if (image.HasLocation)
        {
            whole = await staged.RewriteAsync(images.DecodeAsync, cancellationToken);
        }
        else
        {
            await using var content = staged.OpenRead();
            whole = await images.DecodeAsync(content, null, cancellationToken);
        }

        return whole ? (MediaOperationStatus.Success, image with { HasLocation = false }) : (MediaOperationStatus.ImageDamaged, null);
    }

    private async Task<string> FreeUrlAsync(string folder, string safeFileName, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var url = MediaFileRules.UrlOf(folder, safeFileName);
            if (attempt >= FolderAttempts || !await items.UrlTakenAsync(url, cancellationToken))
            {
                return url;
            }

            folder = MediaFileRules.NewFolder();
        }
    }
}
