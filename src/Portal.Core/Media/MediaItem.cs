namespace Portal.Core.Media;

/// <summary>
/// An uploaded file with its metadata, or a folder that groups them (Umbraco's Folder, Image and File media types).
/// The file itself lives in the file store at <see cref="Url"/>; this is what the database knows about it.
/// </summary>
public sealed class MediaItem
{
    public const int UrlMaxLength = 200;
    public const int ContentTypeMaxLength = 100;
    public const int ActorMaxLength = 256;

    private MediaItem()
    {
        MediaTypeAlias = string.Empty;
        Name = string.Empty;
        CreatedBy = string.Empty;
    }

    public Guid Key { get; private set; }

    /// <summary>The folder it sits in; null at the root of the library.</summary>
    public Guid? ParentKey { get; private set; }

    /// <summary><see cref="MediaTypes.Folder"/>, <see cref="MediaTypes.Image"/> or <see cref="MediaTypes.File"/>.</summary>
    public string MediaTypeAlias { get; private set; }

    public string Name { get; private set; }

    public int SortOrder { get; private set; }

    /// <summary><c>/media/{8 letters or digits}/{safe file name}</c>; null for a folder.</summary>
    public string? Url { get; private set; }

    /// <summary>The MIME type it is served with; null for a folder.</summary>
    public string? ContentType { get; private set; }

    /// <summary>Size of the stored file; null for a folder.</summary>
    public long? Bytes { get; private set; }

    /// <summary>Pixels as displayed (a photo turned by its EXIF orientation counts turned); images only.</summary>
    public int? Width { get; private set; }

    public int? Height { get; private set; }

    /// <summary>What a screen reader says instead of the picture; required for images (Thông tư 26/2020/TT-BTTTT).</summary>
    public string? AltText { get; private set; }

    public double FocalLeft { get; private set; } = FocalPoint.Centre.Left;

    public double FocalTop { get; private set; } = FocalPoint.Centre.Top;

    public DateTime CreatedAt { get; private set; }

    public string CreatedBy { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <summary>Bumped on every change; a change based on an older version is a conflict.</summary>
    public int Version { get; private set; }

    public bool IsFolder => MediaTypeAlias == MediaTypes.Folder;

    public FocalPoint FocalPoint => new(FocalLeft, FocalTop);

    /// <summary>Umbraco's <c>umbracoExtension</c>: the stored file's extension without the dot; null for a folder.</summary>
    public string? Extension => Url is null ? null : MediaFileRules.ExtensionOf(Url);

    public static MediaItem CreateFolder(Guid key, Guid? parentKey, string name, int sortOrder, string actor, DateTime now) => new()
    {
        Key = key,
        ParentKey = parentKey,
        MediaTypeAlias = MediaTypes.Folder,
        Name = name,
        SortOrder = sortOrder,
        CreatedAt = now,
        CreatedBy = actor,
        UpdatedAt = now,
        Version = 1,
    };

    public static MediaItem CreateFile(Guid key, Guid? parentKey, string name, int sortOrder, StoredMediaFile file, string? altText,
        FocalPoint focalPoint, string actor, DateTime now)
    {
        var item = new MediaItem
        {
            Key = key,
            ParentKey = parentKey,
            MediaTypeAlias = file.Kind.MediaTypeAlias,
            Name = name,
            SortOrder = sortOrder,
            AltText = altText,
            FocalLeft = focalPoint.Left,
            FocalTop = focalPoint.Top,
            CreatedAt = now,
            CreatedBy = actor,
            UpdatedAt = now,
            Version = 1,
        };
        item.SetFile(file);
        return item;
    }

    /// <summary>Points the item at a new stored file; the key, name, alt text and focal point stay.</summary>
    public void ReplaceFile(StoredMediaFile file, DateTime now)
    {
        SetFile(file);
        Touch(now);
    }

    public void SetDetails(string name, string? altText, FocalPoint focalPoint, DateTime now)
    {
        Name = name;
        if (!IsFolder)
        {
            AltText = altText;
            FocalLeft = focalPoint.Left;
            FocalTop = focalPoint.Top;
        }

        Touch(now);
    }

    private void SetFile(StoredMediaFile file)
    {
        Url = file.Url;
        ContentType = file.Kind.ContentType;
        Bytes = file.Bytes;
        Width = file.Image?.Width;
        Height = file.Image?.Height;
    }

    private void Touch(DateTime now)
    {
        UpdatedAt = now;
        Version++;
    }
}

/// <summary>What was stored for an item: where, what kind, how big, and for an image its size in pixels.</summary>
public sealed record StoredMediaFile(string Url, MediaFileKind Kind, long Bytes, ImageFacts? Image);
