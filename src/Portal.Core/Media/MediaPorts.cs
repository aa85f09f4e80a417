namespace Portal.Core.Media;

/// <summary>Where media items are kept (the database). Items come back detached: a change is written by <see cref="UpdateAsync"/>.</summary>
public interface IMediaItemStore
{
    Task<MediaItem?> FindAsync(Guid key, CancellationToken cancellationToken);

    Task<bool> HasChildrenAsync(Guid key, CancellationToken cancellationToken);

    Task<int> NextSortOrderAsync(Guid? parentKey, CancellationToken cancellationToken);

    Task<bool> UrlTakenAsync(string url, CancellationToken cancellationToken);

    Task AddAsync(MediaItem item, CancellationToken cancellationToken);

    /// <summary>Writes a changed item; false, writing nothing, when its stored version is no longer <paramref name="loadedVersion"/>.</summary>
    Task<bool> UpdateAsync(MediaItem item, int loadedVersion, CancellationToken cancellationToken);

    /// <summary>Removes the item; false when it changed or vanished since it was loaded at <paramref name="loadedVersion"/>.</summary>
    Task<bool> RemoveAsync(MediaItem item, int loadedVersion, CancellationToken cancellationToken);
}

/// <summary>Where the files themselves are kept (a folder on disk, shared by every node).</summary>
public interface IMediaFileStore
{
    /// <summary>
    /// Copies an upload to a temporary file, reading at most <paramref name="maxBytes"/> + 1 bytes; null when the upload
    /// is larger (nothing is left behind). Nothing is visible at a media URL until <see cref="IStagedMediaFile.MoveTo"/>.
    /// </summary>
    Task<IStagedMediaFile?> StageAsync(Stream content, long maxBytes, CancellationToken cancellationToken);

    /// <summary>Deletes the file at a media URL, if it is there.</summary>
    void Delete(string url);
}

/// <summary>
/// An upload written in full to a temporary file. Disposing it without <see cref="Commit"/> undoes everything: the
/// temporary file is removed, and a file <see cref="MoveTo"/> replaced is put back.
/// </summary>
public interface IStagedMediaFile : IAsyncDisposable
{
    long Bytes { get; }

    /// <summary>Reads the staged bytes (to identify them before they are published).</summary>
    Stream OpenRead();

    /// <summary>
    /// Lets <paramref name="rewrite"/> read the staged bytes and write new ones (an image saved again without its location);
    /// the new bytes replace the staged ones when it answers true, and are dropped otherwise. Only before <see cref="MoveTo"/>.
    /// </summary>
    Task<bool> RewriteAsync(Func<Stream, Stream, CancellationToken, Task<bool>> rewrite, CancellationToken cancellationToken);

    /// <summary>Puts the file at its media URL in one rename; a file already there is set aside until <see cref="Commit"/>.</summary>
    void MoveTo(string url);

    /// <summary>The move stands: the file it replaced, if any, is deleted.</summary>
    void Commit();
}

/// <summary>Reads an image's format and size from its header, and proves the rest of it is whole.</summary>
public interface IImageInspector
{
    /// <summary>The image's facts from its header alone, without decoding a pixel; null when the bytes are not an image of an allowed format.</summary>
    Task<ImageFacts?> IdentifyAsync(Stream content, CancellationToken cancellationToken);

    /// <summary>
    /// Decodes every pixel, so a damaged image is refused at upload rather than broken on the site; call it only for an image
    /// whose <see cref="ImageFacts.Pixels"/> are within the limit. When <paramref name="withoutLocation"/> is given, the image
    /// is also written there again in its own format, without GPS data and with everything else (orientation included) kept.
    /// False when the image does not decode.
    /// </summary>
    Task<bool> DecodeAsync(Stream content, Stream? withoutLocation, CancellationToken cancellationToken);
}

/// <summary>
/// What the header of an image says: its MIME type, its size in pixels as it is displayed, how many frames it animates, and
/// whether it records where it was taken (EXIF or XMP GPS data).
/// </summary>
public sealed record ImageFacts(string ContentType, int Width, int Height, int Frames = 1, bool HasLocation = false)
{
    /// <summary>What decoding it costs: every frame is a whole canvas.</summary>
    public long Pixels => (long)Width * Height * Math.Max(1, Frames);
}

/// <summary><c>Portal:Media</c>.</summary>
public sealed class MediaLibraryOptions
{
    public const string Section = "Portal:Media";

    /// <summary>Largest accepted upload, in bytes (50 MB: a scanned decision or a short presentation, not a video archive).</summary>
    public long MaxUploadBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>
    /// Largest image accepted and processed, in pixels (width × height × frames). 50 million lets a 48-megapixel phone photo
    /// (8000 × 6000) or a 45-megapixel camera through, and keeps one decode under about 400 MB; a "decompression bomb" whose
    /// few kilobytes claim 100,000 × 100,000 pixels is refused from its header, before anything is decoded.
    /// </summary>
    public long MaxImagePixels { get; set; } = 50_000_000;
}
