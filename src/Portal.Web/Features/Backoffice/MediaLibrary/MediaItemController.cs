using Microsoft.AspNetCore.Mvc;
using Portal.Core.Access;
using Portal.Core.Media;
using Portal.Web.Features.Backoffice.Shell;
using Portal.Web.Features.Media;
using Portal.Web.Features.SignIn;
using Library = Portal.Core.Media.MediaLibrary;

namespace Portal.Web.Features.Backoffice.MediaLibrary;

/// <summary>
/// Changes to one item: its details (a folder's name; a file's name, alt text and focal point), its file, its deletion.
/// Each form carries the version the page showed, so a change made meanwhile by someone else is not overwritten unseen.
/// </summary>
[BackofficeSection(Section.Media)]
public sealed class MediaItemController : BackofficeController
{
    [HttpPost(MediaLibraryPaths.Root + "/{key:guid}/thong-tin")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Details(Guid key, [FromForm] MediaDetailsForm form, CancellationToken cancellationToken)
    {
        if (await Pages.Items.FindAsync(key, cancellationToken) is not { } item)
        {
            return BackofficeResults.Missing();
        }

        var name = form.Name ?? string.Empty;
        if (item.IsFolder)
        {
            var renamed = await Service<Library>().SetDetailsAsync(key, name, null, null, Actor, form.Version, cancellationToken);
            return renamed.Succeeded
                ? Redirect(MediaLibraryPaths.WithNotice(MediaLibraryPaths.Of(key), MediaNotices.Saved))
                : await FolderRefusedAsync(item, name, MediaFields.Error(renamed.Status, Pages.MaxUploadBytes, MediaFields.RenameName),
                    MediaMessages.StatusCodeOf(renamed.Status), cancellationToken);
        }

        var altText = form.AltText ?? string.Empty;
        var (focalLeft, focalTop) = (form.FocalLeft ?? string.Empty, form.FocalTop ?? string.Empty);
        FocalPoint? focalPoint = null;
        if (item.MediaTypeAlias == MediaTypes.Image)
        {
            var left = MediaPageBuilder.Fraction(focalLeft);
            var top = MediaPageBuilder.Fraction(focalTop);
            var wrong = new List<FormError>();
            if (left is null)
            {
                wrong.Add(new FormError(MediaFields.FocalLeft, "Vị trí ngang của tiêu điểm phải là một số từ 0 đến 100 (phần trăm)."));
            }

            if (top is null)
            {
                wrong.Add(new FormError(MediaFields.FocalTop, "Vị trí dọc của tiêu điểm phải là một số từ 0 đến 100 (phần trăm)."));
            }

            if (wrong.Count > 0)
            {
                var typed = await Pages.ItemAsync(item, name, altText, focalLeft, focalTop, cancellationToken);
                return Refused(typed with { Errors = wrong }, StatusCodes.Status400BadRequest);
            }

            focalPoint = new FocalPoint(left!.Value, top!.Value);
        }

        var saved = await Service<Library>().SetDetailsAsync(key, name, altText, focalPoint, Actor, form.Version, cancellationToken);
        if (saved.Succeeded)
        {
            return Redirect(MediaLibraryPaths.WithNotice(MediaLibraryPaths.Of(key), MediaNotices.Saved));
        }

        var page = await Pages.ItemAsync(item, name, altText, focalLeft, focalTop, cancellationToken);
        return Refused(page with { Errors = [MediaFields.Error(saved.Status, Pages.MaxUploadBytes)] }, MediaMessages.StatusCodeOf(saved.Status));
    }

    [HttpPost(MediaLibraryPaths.Root + "/{key:guid}/thay-tep")]
    [MediaUploadForm]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Replace(Guid key, [FromForm] MediaReplaceForm form, CancellationToken cancellationToken)
    {
        if (await Pages.Items.FindAsync(key, cancellationToken) is not { IsFolder: false } item)
        {
            return BackofficeResults.Missing();
        }

        FormError error;
        int statusCode;
        if (form.File is not { } file)
        {
            (error, statusCode) = (new FormError(MediaFields.File, "Chọn tệp thay thế."), StatusCodes.Status400BadRequest);
        }
        else
        {
            MediaOperationResult result;
            await using (var content = file.OpenReadStream())
            {
                result = await Service<Library>().ReplaceAsync(key, new MediaFile(content, file.FileName), Actor, form.Version, cancellationToken);
            }

            if (result.Succeeded)
            {
                return Redirect(MediaLibraryPaths.WithNotice(MediaLibraryPaths.Of(key), MediaNotices.Replaced));
            }

            (error, statusCode) = (MediaFields.Error(result.Status, Pages.MaxUploadBytes), MediaMessages.StatusCodeOf(result.Status));
        }

        return Refused(await Pages.ItemAsync(item, cancellationToken) with { Errors = [error] }, statusCode);
    }

    [HttpPost(MediaLibraryPaths.Root + "/{key:guid}/xoa")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Delete(Guid key, CancellationToken cancellationToken)
    {
        if (await Pages.Items.FindAsync(key, cancellationToken) is not { } item)
        {
            return BackofficeResults.Missing();
        }

        var result = await Service<Library>().DeleteAsync(key, Actor, cancellationToken);
        if (result.Succeeded)
        {
            return Redirect(MediaLibraryPaths.WithNotice(MediaLibraryPaths.Of(item.ParentKey), MediaNotices.Deleted));
        }

        var error = MediaFields.Error(result.Status, Pages.MaxUploadBytes) with { FieldId = MediaFields.DeleteButton };
        var statusCode = MediaMessages.StatusCodeOf(result.Status);
        return item.IsFolder
            ? await FolderRefusedAsync(item, null, error, statusCode, cancellationToken)
            : Refused(await Pages.ItemAsync(item, cancellationToken) with { Errors = [error] }, statusCode);
    }

    private MediaPageBuilder Pages => Service<MediaPageBuilder>();

    private ViewResult Refused(ItemPage page, int statusCode)
    {
        var view = View(MediaLibraryController.ItemView, page);
        view.StatusCode = statusCode;
        return view;
    }

    private async Task<IActionResult> FolderRefusedAsync(MediaItem folder, string? typedName, FormError error, int statusCode,
        CancellationToken cancellationToken)
    {
        var page = await Pages.FolderAsync(folder, cancellationToken);
        var view = View(MediaLibraryController.FolderView, page with { Forms = page.Forms with { RenameName = typedName }, Errors = [error] });
        view.StatusCode = statusCode;
        return view;
    }
}
