namespace Portal.Infrastructure.Media.Imaging;

/// <summary>
/// <c>Umbraco:CMS:Imaging</c>: Umbraco's keys and defaults for image URLs, so an operator's settings from an Umbraco site
/// mean the same here.
/// </summary>
public sealed class ImagingSettings
{
    public const string Section = "Umbraco:CMS:Imaging";

    /// <summary>
    /// Base64 key of the HMAC-SHA256 token (<c>hmac</c>) every image URL with commands must carry; empty lets anyone ask
    /// for any transform (Umbraco's default, and an abuse vector on a public site).
    /// </summary>
    public string HMACSecretKey { get; set; } = string.Empty;

    public ImagingResizeSettings Resize { get; set; } = new();

    public ImagingCacheSettings Cache { get; set; } = new();

    /// <summary>The key as bytes; empty when none is set. A key that is not base64 stops the start with the key's name.</summary>
    public byte[] SecretKeyBytes()
    {
        if (string.IsNullOrWhiteSpace(HMACSecretKey))
        {
            return [];
        }

        try
        {
            return Convert.FromBase64String(HMACSecretKey.Trim());
        }
        catch (FormatException exception)
        {
            throw new InvalidOperationException($"{Section}:HMACSecretKey phải là một chuỗi base64 (ví dụ 64 byte ngẫu nhiên).", exception);
        }
    }
}

/// <summary><c>Umbraco:CMS:Imaging:Resize</c>: the largest width and height a URL may ask for.</summary>
public sealed class ImagingResizeSettings
{
    public int MaxWidth { get; set; } = 5000;

    public int MaxHeight { get; set; } = 5000;
}

/// <summary><c>Umbraco:CMS:Imaging:Cache</c>.</summary>
public sealed class ImagingCacheSettings
{
    /// <summary><c>Cache-Control: max-age</c> of everything served at <c>/media/…</c>.</summary>
    public TimeSpan BrowserMaxAge { get; set; } = TimeSpan.FromDays(7);

    /// <summary>A processed image older than this is made again on its next request.</summary>
    public TimeSpan CacheMaxAge { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Hex characters of the cache key in a cached file's name.</summary>
    public int CacheHashLength { get; set; } = 12;

    /// <summary>How many of those characters become one folder level each, so no folder holds too many files.</summary>
    public int CacheFolderDepth { get; set; } = 8;

    /// <summary>
    /// Where processed images are kept; empty means <c>cache/media</c> in the data directory. A relative path (Umbraco's
    /// <c>~/…</c> form included) is resolved under the data directory, so every node sharing that folder shares the cache.
    /// </summary>
    public string CacheFolder { get; set; } = string.Empty;

    public string ResolveFolder(string dataDirectory)
    {
        var configured = CacheFolder.Trim();
        if (configured.Length == 0)
        {
            return Path.Combine(dataDirectory, "cache", "media");
        }

        return Path.IsPathRooted(configured)
            ? Path.GetFullPath(configured)
            : Path.GetFullPath(Path.Combine(dataDirectory, configured.TrimStart('~').TrimStart('/', '\\')));
    }
}
