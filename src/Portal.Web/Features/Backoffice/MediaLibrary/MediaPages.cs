using Portal.Core.Media;
using Portal.Web.Features.Media;
using Portal.Web.Features.SignIn;

namespace Portal.Web.Features.Backoffice.MediaLibrary;

// The models of the media section's views. Typed values of a failed post travel back in them, so nothing the person wrote
// is lost (except the file itself, which a browser never lets a page fill in again).

/// <summary>One step of the breadcrumbs: the library's root (no key) or a folder.</summary>
internal sealed record FolderCrumb(Guid? Key, string Name);

/// <summary>A small picture of an image in a list; the transform pipeline scales it, the attributes keep the layout still meanwhile.</summary>
internal sealed record Thumbnail(string Url, int Width, int Height);

/// <summary>A media item as a row of a list, with its facts already written the Vietnamese way.</summary>
internal sealed record MediaRow(MediaItem Item, string TypeText, string SizeText, string DimensionsText, string DateText, Thumbnail? Thumbnail)
{
    public Guid Key => Item.Key;

    public string Name => Item.Name;
}

/// <summary>A folder in the upload form's chooser, named by its whole path.</summary>
internal sealed record FolderChoice(Guid Key, string Path);

/// <summary>A document using an item, as the item page lists it.</summary>
internal sealed record UsageLine(Guid DocumentKey, string Name, string ContentTypeName, string StatusText, bool Trashed);

/// <summary>What was typed into the forms of a folder page.</summary>
internal sealed record FolderForms
{
    public string UploadName { get; init; } = string.Empty;
    public string UploadAltText { get; init; } = string.Empty;

    /// <summary>The folder the upload goes to; null for the root.</summary>
    public Guid? UploadFolder { get; init; }
    public string NewFolderName { get; init; } = string.Empty;

    /// <summary>The name in the rename form; null shows the folder's own.</summary>
    public string? RenameName { get; init; }
}

/// <summary>A folder (or the library's root when <see cref="Folder"/> is null): its contents and the forms that change it.</summary>
internal sealed record FolderPage
{
    public MediaItem? Folder { get; init; }
    public required IReadOnlyList<FolderCrumb> Crumbs { get; init; }
    public required IReadOnlyList<MediaRow> Rows { get; init; }
    public required IReadOnlyList<FolderChoice> Folders { get; init; }
    public required string MaxUpload { get; init; }
    public FolderForms Forms { get; init; } = new();
    public IReadOnlyList<FormError> Errors { get; init; } = [];
    public string? Notice { get; init; }

    public string Title => Folder?.Name ?? MediaLibraryPaths.RootName;

    public FormError? ErrorFor(string fieldId) => Errors.FirstOrDefault(e => e.FieldId == fieldId);
}

/// <summary>One file: its preview, details, focal point, replacement and the documents that use it.</summary>
internal sealed record ItemPage
{
    public required MediaRow Row { get; init; }
    public required IReadOnlyList<FolderCrumb> Crumbs { get; init; }
    public required IReadOnlyList<UsageLine> Usages { get; init; }
    public required string MaxUpload { get; init; }
    public required string Name { get; init; }
    public required string AltText { get; init; }

    /// <summary>The focal point as typed: percentages from the left and from the top.</summary>
    public required string FocalLeft { get; init; }
    public required string FocalTop { get; init; }
    public IReadOnlyList<FormError> Errors { get; init; } = [];
    public string? Notice { get; init; }

    public MediaItem Item => Row.Item;

    public bool IsImage => Item.MediaTypeAlias == MediaTypes.Image;

    public FormError? ErrorFor(string fieldId) => Errors.FirstOrDefault(e => e.FieldId == fieldId);
}

/// <summary>The picker a content editor opens beside a media field.</summary>
internal sealed record PickerPage(string? Field, bool ImagesOnly, IReadOnlyList<FolderCrumb> Crumbs, IReadOnlyList<MediaRow> Rows, MediaRow? Chosen)
{
    /// <summary>This picker again at another folder, or with an item chosen, keeping the field and the filter.</summary>
    public string Url(Guid? folder, Guid? chosen = null)
    {
        var query = new List<string>();
        if (Field is not null)
        {
            query.Add("truong=" + Uri.EscapeDataString(Field));
        }

        if (ImagesOnly)
        {
            query.Add("anh=1");
        }

        if (folder is { } f)
        {
            query.Add("thu-muc=" + f);
        }

        if (chosen is { } c)
        {
            query.Add("da-chon=" + c);
        }

        return MediaLibraryPaths.Picker + (query.Count == 0 ? string.Empty : "?" + string.Join('&', query));
    }
}

/// <summary>Where the section's pages and forms live.</summary>
internal static class MediaLibraryPaths
{
    public const string Root = "/umbraco/media";
    public const string RootName = "Thư viện media";
    public const string Picker = Root + "/chon";
    public const string Upload = Root + "/tai-len";
    public const string NewFolder = Root + "/thu-muc-moi";

    public static string Of(Guid? key) => key is { } k ? $"{Root}/{k}" : Root;

    public static string Details(Guid key) => $"{Root}/{key}/thong-tin";

    public static string Replace(Guid key) => $"{Root}/{key}/thay-tep";

    public static string Delete(Guid key) => $"{Root}/{key}/xoa";

    /// <summary>Where a document is edited; the content section owns the page, the address is fixed.</summary>
    public static string Document(Guid key) => $"/umbraco/noi-dung/{key}";

    public static string WithNotice(string path, string code) => $"{path}?thong-bao={code}";
}

/// <summary>The notices shown after a redirect; a code in the address, never free text, so a link cannot make the page say anything else.</summary>
internal static class MediaNotices
{
    public const string Uploaded = "da-tai-len";
    public const string FolderCreated = "da-tao-thu-muc";
    public const string Saved = "da-luu";
    public const string Replaced = "da-thay-tep";
    public const string Deleted = "da-xoa";

    public static string? Text(string? code) => code switch
    {
        Uploaded => "Đã tải tệp lên thư viện.",
        FolderCreated => "Đã tạo thư mục.",
        Saved => "Đã lưu thông tin.",
        Replaced => "Đã thay tệp; mã và thư mục địa chỉ của tệp giữ nguyên. Trình duyệt có thể còn hiện tệp cũ một lúc cho đến khi tải lại.",
        Deleted => "Đã xóa.",
        _ => null,
    };
}

/// <summary>Which input a refusal of the library is written beside; the rest only appear in the error summary.</summary>
internal static class MediaFields
{
    public const string File = "file";
    public const string Name = "name";
    public const string AltText = "altText";
    public const string Folder = "folder";
    public const string FocalLeft = "focalLeft";
    public const string FocalTop = "focalTop";
    public const string NewFolderName = "folderName";
    public const string RenameName = "renameName";
    public const string DeleteButton = "deleteButton";

    public static FormError Error(MediaOperationStatus status, long maxUploadBytes, string nameField = Name) =>
        new(FieldOf(status, nameField), MediaMessages.For(status, maxUploadBytes));

    private static string FieldOf(MediaOperationStatus status, string nameField) => status switch
    {
        MediaOperationStatus.NameRequired or MediaOperationStatus.NameTooLong => nameField,
        MediaOperationStatus.AltTextRequired or MediaOperationStatus.AltTextTooLong => AltText,
        MediaOperationStatus.InvalidFocalPoint => FocalLeft,
        MediaOperationStatus.ParentNotFound or MediaOperationStatus.ParentNotFolder => Folder,
        MediaOperationStatus.FolderNotEmpty => DeleteButton,
        MediaOperationStatus.ExtensionNotAllowed or MediaOperationStatus.FileEmpty or MediaOperationStatus.FileTooLarge
            or MediaOperationStatus.ContentMismatch or MediaOperationStatus.FileKindMismatch or MediaOperationStatus.ImageTooLarge
            or MediaOperationStatus.ImageDamaged => File,
        _ => string.Empty,
    };
}
