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

    /// <summary>Puts the file at its media URL in one rename; a file already there is set aside until <see cref="Commit"/>.</summary>
    void MoveTo(string url);

    /// <summary>The move stands: the file it replaced, if any, is deleted.</summary>
    void Commit();
}

/// <summary>Reads an image's format and size from its header, without decoding the pixels.</summary>
public interface IImageInspector
{
    /// <summary>The image's facts, or null when the bytes are not an image of an allowed format.</summary>
    Task<ImageFacts?> IdentifyAsync(Stream content, CancellationToken cancellationToken);
}

/// <summary>What the header of an image says: its MIME type and its size in pixels as it is displayed.</summary>
public sealed record ImageFacts(string ContentType, int Width, int Height);

/// <summary><c>Portal:Media</c>.</summary>
public sealed class MediaLibraryOptions
{
    public const string Section = "Portal:Media";

    /// <summary>Largest accepted upload, in bytes (50 MB: a scanned decision or a short presentation, not a video archive).</summary>
    public long MaxUploadBytes { get; set; } = 50L * 1024 * 1024;
}
