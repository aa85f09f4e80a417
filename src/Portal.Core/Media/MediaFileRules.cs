using System.Security.Cryptography;
using Portal.Core.Text;

namespace Portal.Core.Media;

/// <summary>What kind of file an extension stands for, and what its first bytes must look like.</summary>
public sealed record MediaFileKind(string Extension, string MediaTypeAlias, string ContentType, MediaSignature Signature)
{
    public bool IsImage => MediaTypeAlias == MediaTypes.Image;
}

/// <summary>The family of leading bytes a document format starts with; images are recognised by the image inspector instead.</summary>
public enum MediaSignature
{
    /// <summary>Checked by decoding the image header (<see cref="IImageInspector"/>).</summary>
    Image,
    Pdf,

    /// <summary>OLE compound file: .doc, .xls, .ppt.</summary>
    CompoundFile,

    /// <summary>ZIP container: .zip and the Office Open XML and OpenDocument formats.</summary>
    Zip,
}

/// <summary>
/// Which uploads the library accepts and what it names them. Only formats a browser shows as a picture or hands to
/// another program are allowed: SVG and HTML can carry script that would run on the portal's own origin, and
/// executables have no place on a public site.
/// </summary>
public static class MediaFileRules
{
    public const int NameMaxLength = 255;
    public const int AltTextMaxLength = 1000;

    /// <summary>Longest stem of a stored file name; the URL stays readable and well under file-system limits.</summary>
    public const int FileStemMaxLength = 100;

    /// <summary>How many leading bytes <see cref="MatchesSignature"/> needs to see.</summary>
    public const int SignatureBytes = 1024;

    private const string FolderAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    private static readonly Dictionary<string, MediaFileKind> Kinds = new MediaFileKind[]
    {
        new("jpg", MediaTypes.Image, "image/jpeg", MediaSignature.Image),
        new("jpeg", MediaTypes.Image, "image/jpeg", MediaSignature.Image),
        new("png", MediaTypes.Image, "image/png", MediaSignature.Image),
        new("gif", MediaTypes.Image, "image/gif", MediaSignature.Image),
        new("webp", MediaTypes.Image, "image/webp", MediaSignature.Image),
        new("pdf", MediaTypes.File, "application/pdf", MediaSignature.Pdf),
        new("doc", MediaTypes.File, "application/msword", MediaSignature.CompoundFile),
        new("xls", MediaTypes.File, "application/vnd.ms-excel", MediaSignature.CompoundFile),
        new("ppt", MediaTypes.File, "application/vnd.ms-powerpoint", MediaSignature.CompoundFile),
        new("docx", MediaTypes.File, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", MediaSignature.Zip),
        new("xlsx", MediaTypes.File, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaSignature.Zip),
        new("pptx", MediaTypes.File, "application/vnd.openxmlformats-officedocument.presentationml.presentation", MediaSignature.Zip),
        new("odt", MediaTypes.File, "application/vnd.oasis.opendocument.text", MediaSignature.Zip),
        new("ods", MediaTypes.File, "application/vnd.oasis.opendocument.spreadsheet", MediaSignature.Zip),
        new("zip", MediaTypes.File, "application/zip", MediaSignature.Zip),
    }.ToDictionary(k => k.Extension, StringComparer.OrdinalIgnoreCase);

    private static readonly byte[] CompoundFileHeader = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] PdfHeader = "%PDF-"u8.ToArray();

    /// <summary>The allowed extensions, lower case, without the dot.</summary>
    public static IReadOnlyCollection<string> AllowedExtensions => Kinds.Keys;

    /// <summary>The extension of a file name, lower case, without the dot; empty when it has none.</summary>
    public static string ExtensionOf(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        var dot = name.LastIndexOf('.');
        return dot <= 0 || dot == name.Length - 1 ? string.Empty : name[(dot + 1)..].ToLowerInvariant();
    }

    /// <summary>The kind of an uploaded file by its extension; null when the extension is not allowed.</summary>
    public static MediaFileKind? KindOf(string fileName) => Kinds.GetValueOrDefault(ExtensionOf(fileName));

    /// <summary>
    /// The name the file is stored under: the stem as a URL segment (no diacritics, đ → d, lower case, hyphens), as
    /// Umbraco's safe file names are, and the extension in lower case. "Ảnh Hội nghị.JPG" becomes <c>anh-hoi-nghi.jpg</c>.
    /// </summary>
    public static string SafeFileName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        var extension = ExtensionOf(name);
        var stem = extension.Length == 0 ? name : name[..^(extension.Length + 1)];
        var safe = UrlSegment.From(stem);
        if (safe.Length > FileStemMaxLength)
        {
            safe = safe[..FileStemMaxLength].TrimEnd('-');
        }

        if (safe.Length == 0)
        {
            safe = "tep";
        }

        return extension.Length == 0 ? safe : $"{safe}.{extension}";
    }

    /// <summary>The media URL of a stored file: <c>/media/{folder}/{safe file name}</c>, as Umbraco's are.</summary>
    public static string UrlOf(string folder, string safeFileName) => $"/media/{folder}/{safeFileName}";

    /// <summary>The 8-character folder of a media URL (<c>/media/abcd1234/x.jpg</c> → <c>abcd1234</c>); null for anything else.</summary>
    public static string? FolderOf(string? url)
    {
        var parts = (url ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 3 && parts[0] == "media" && IsFolderName(parts[1]) ? parts[1] : null;
    }

    /// <summary>A fresh random folder: 8 lower-case letters and digits, unguessable so that files cannot be listed by trying names.</summary>
    public static string NewFolder() => new(RandomNumberGenerator.GetItems<char>(FolderAlphabet, 8));

    public static bool IsFolderName(string value) => value.Length == 8 && value.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9'));

    /// <summary>
    /// Whether a document's leading bytes are those of its format, so a web page or a program renamed to .pdf is refused.
    /// Images are not judged here: <see cref="IImageInspector"/> reads their headers.
    /// </summary>
    public static bool MatchesSignature(MediaFileKind kind, ReadOnlySpan<byte> head) => kind.Signature switch
    {
        // PDF readers accept a few bytes of junk before the header; the specification allows it within the first kilobyte.
        MediaSignature.Pdf => head[..Math.Min(head.Length, SignatureBytes)].IndexOf(PdfHeader) >= 0,
        MediaSignature.CompoundFile => head.StartsWith(CompoundFileHeader),

        // A local file header, or the end record of an empty archive.
        MediaSignature.Zip => head.Length >= 4 && head[0] == 'P' && head[1] == 'K'
            && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6)),
        _ => false,
    };
}
