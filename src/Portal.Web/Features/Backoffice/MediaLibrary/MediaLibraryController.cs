using Microsoft.AspNetCore.Mvc;
using Portal.Core.Access;
using Portal.Core.Media;
using Portal.Web.Features.Backoffice.Shell;
using Portal.Web.Features.Media;
using Portal.Web.Features.SignIn;
using Library = Portal.Core.Media.MediaLibrary;

namespace Portal.Web.Features.Backoffice.MediaLibrary;

/// <summary>
/// The media section: folders with their contents, a new folder, uploads (a plain file form; a script adds drag and drop),
/// and the picker the content editor opens. Every change goes through <see cref="Library"/>, which checks the section
/// again and applies the rules; its refusals come back as Vietnamese messages beside the field they concern.
/// </summary>
[BackofficeSection(Section.Media)]
public sealed class MediaLibraryController : BackofficeController
{
    internal const string FolderView = "~/Features/Backoffice/MediaLibrary/Views/Folder.cshtml";
    internal const string ItemView = "~/Features/Backoffice/MediaLibrary/Views/Item.cshtml";
    private const string PickerView = "~/Features/Backoffice/MediaLibrary/Views/Picker.cshtml";

    [HttpGet(MediaLibraryPaths.Root)]
    public async Task<IActionResult> Index([FromQuery(Name = "thong-bao")] string? notice, CancellationToken cancellationToken) =>
        View(FolderView, await Pages.FolderAsync(null, cancellationToken) with { Notice = MediaNotices.Text(notice) });

    [HttpGet(MediaLibraryPaths.Root + "/{key:guid}")]
    public async Task<IActionResult> Show(Guid key, [FromQuery(Name = "thong-bao")] string? notice, CancellationToken cancellationToken)
    {
        if (await Pages.Items.FindAsync(key, cancellationToken) is not { } item)
        {
            return BackofficeResults.Missing();
        }

        return item.IsFolder
            ? View(FolderView, await Pages.FolderAsync(item, cancellationToken) with { Notice = MediaNotices.Text(notice) })
            : View(ItemView, await Pages.ItemAsync(item, cancellationToken) with { Notice = MediaNotices.Text(notice) });
    }

    [HttpPost(MediaLibraryPaths.NewFolder)]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> CreateFolder([FromForm] MediaFolderForm form, CancellationToken cancellationToken)
    {
        var (parent, parentValid) = KeyOf(form.Parent);
        var result = parentValid
            ? await Service<Library>().CreateFolderAsync(form.Name ?? string.Empty, parent, Actor, cancellationToken)
            : MediaOperationResult.Fail(MediaOperationStatus.ParentNotFound);
        if (result.Succeeded)
        {
            return Redirect(MediaLibraryPaths.WithNotice(MediaLibraryPaths.Of(parent), MediaNotices.FolderCreated));
        }

        // The form has one input; whatever Core refuses (a name, a folder deleted meanwhile) is said beside it.
        var error = new FormError(MediaFields.NewFolderName, MediaMessages.For(result.Status, Pages.MaxUploadBytes));
        return await RefusedAsync(parent, f => f with { NewFolderName = form.Name ?? string.Empty }, error, MediaMessages.StatusCodeOf(result.Status),
            cancellationToken);
    }

    [HttpPost(MediaLibraryPaths.Upload)]
    [MediaUploadForm]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Upload([FromForm] MediaUploadForm form, CancellationToken cancellationToken)
    {
        var (parent, parentValid) = KeyOf(form.Folder);
        FolderForms Typed(FolderForms f) => f with { UploadName = form.Name ?? string.Empty, UploadAltText = form.AltText ?? string.Empty, UploadFolder = parent };
        if (form.File is not { } file)
        {
            return await RefusedAsync(parent, Typed, new FormError(MediaFields.File, "Chọn tệp cần tải lên."), StatusCodes.Status400BadRequest,
                cancellationToken);
        }

        MediaOperationResult result;
        if (!parentValid)
        {
            result = MediaOperationResult.Fail(MediaOperationStatus.ParentNotFound);
        }
        else
        {
            await using var content = file.OpenReadStream();
            result = await Service<Library>().UploadAsync(new MediaFile(content, file.FileName), form.Name, form.AltText, parent, null, Actor,
                cancellationToken);
        }

        return result.Succeeded
            ? Redirect(MediaLibraryPaths.WithNotice(MediaLibraryPaths.Of(parent), MediaNotices.Uploaded))
            : await RefusedAsync(parent, Typed, MediaFields.Error(result.Status, Pages.MaxUploadBytes), MediaMessages.StatusCodeOf(result.Status),
                cancellationToken);
    }

    /// <summary>
    /// The picker beside a media field of the content editor: <c>truong</c> names the field, <c>anh=1</c> shows only images,
    /// <c>thu-muc</c> opens a folder; <c>da-chon</c> is where a choice lands when no script hands it back to the editor.
    /// </summary>
    [HttpGet(MediaLibraryPaths.Picker)]
    [SameOriginFrames]
    public async Task<IActionResult> Picker([FromQuery(Name = "truong")] string? field, [FromQuery(Name = "anh")] string? imagesOnly,
        [FromQuery(Name = "thu-muc")] Guid? folderKey, [FromQuery(Name = "da-chon")] Guid? chosenKey, CancellationToken cancellationToken)
    {
        var folder = folderKey is { } fk ? await Pages.Items.FindAsync(fk, cancellationToken) : null;
        var chosen = chosenKey is { } ck ? await Pages.Items.FindAsync(ck, cancellationToken) : null;
        var page = await Pages.PickerAsync(FieldAlias(field), imagesOnly == "1", folder is { IsFolder: true } ? folder : null,
            chosen is { IsFolder: false } ? chosen : null, cancellationToken);
        return View(PickerView, page);
    }

    private MediaPageBuilder Pages => Service<MediaPageBuilder>();

    /// <summary>The folder page again, with what was typed and the refusal beside its field.</summary>
    private async Task<IActionResult> RefusedAsync(Guid? folderKey, Func<FolderForms, FolderForms> typed, FormError error, int statusCode,
        CancellationToken cancellationToken)
    {
        var folder = folderKey is { } key ? await Pages.Items.FindAsync(key, cancellationToken) : null;
        var page = await Pages.FolderAsync(folder is { IsFolder: true } ? folder : null, cancellationToken);
        var view = View(FolderView, page with { Forms = typed(page.Forms), Errors = [error] });
        view.StatusCode = statusCode;
        return view;
    }

    /// <summary>A folder key from a form: empty is the root; anything else must be a key.</summary>
    internal static (Guid? Key, bool Valid) KeyOf(string? text) =>
        string.IsNullOrWhiteSpace(text) ? (null, true) : Guid.TryParse(text, out var key) ? (key, true) : (null, false);

    /// <summary>The field alias as the editor sent it, if it looks like one; it is only echoed back to the editor's script.</summary>
    private static string? FieldAlias(string? field) =>
        field is { Length: > 0 and <= 100 } && field.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-') ? field : null;
}
