using Microsoft.AspNetCore.Mvc;
using Portal.Core.Access;
using Portal.Core.Content;
using Portal.Core.Schema;
using Portal.Core.Workflow;
using Portal.Data.Leases;
using Portal.Web.Features.Backoffice.MediaLibrary;
using Portal.Web.Features.Backoffice.Shell;
using Portal.Web.Features.Management.Documents;
using Portal.Web.Features.SignIn;

namespace Portal.Web.Features.Backoffice.Content;

/// <summary>
/// The content section: the tree limited to the user's start nodes, and the editor generated from each content type.
/// Every change goes through Core's verbs, which check the user's permissions on the node; a page the user may not
/// browse answers 403 here even when its address is typed by hand.
/// </summary>
[BackofficeSection(null)]
public sealed class ContentController : BackofficeController
{
    public const string Root = "/umbraco/noi-dung";
    internal const string EditorView = "~/Features/Backoffice/Content/Views/Edit.cshtml";

    /// <summary>Someone who opened a page recently enough that another editor should hear about it.</summary>
    internal static readonly TimeSpan PresenceLifetime = TimeSpan.FromSeconds(90);

    [HttpGet(Root)]
    public async Task<IActionResult> Index([FromQuery(Name = "thong-bao")] string? notice, CancellationToken cancellationToken)
    {
        if (!Actor.AllowsSection(Section.Content))
        {
            return BackofficeResults.Denied();
        }

        var pages = Service<ContentPageBuilder>();
        ContentAccess.StartNodes(Actor, out var wholeTree);
        return View("~/Features/Backoffice/Content/Views/Index.cshtml",
            new TreePage(await pages.TreeAsync(Actor, null, cancellationToken), wholeTree ? pages.RootTypes() : [], wholeTree, ContentNotices.Text(notice)));
    }

    [HttpGet(Root + "/{key:guid}")]
    public async Task<IActionResult> Edit(Guid key, [FromQuery(Name = "thong-bao")] string? notice, CancellationToken cancellationToken)
    {
        var document = await Service<DocumentQueries>().FindAsync(key, cancellationToken);
        if (document is null)
        {
            return BackofficeResults.Missing();
        }

        if (!MayOpen(document))
        {
            return BackofficeResults.Denied();
        }

        var page = await Service<ContentEditorPages>().ForDocumentAsync(document, Actor, document.Current.Name, document.Current.Values, [],
            cancellationToken);
        OpenSectionOf(document.ContentTypeAlias);
        return View(EditorView, page with { Notice = ContentNotices.Text(notice), OtherEditor = await ClaimPresenceAsync(key, cancellationToken) });
    }

    [HttpPost(Root + "/{key:guid}")]
    [MediaUploadForm]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Save(Guid key, [FromForm(Name = "phien-ban")] int? version, [FromForm(Name = "thao-tac")] string? then,
        CancellationToken cancellationToken)
    {
        var document = await Service<DocumentQueries>().FindAsync(key, cancellationToken);
        if (document is null)
        {
            return BackofficeResults.Missing();
        }

        if (!MayOpen(document))
        {
            return BackofficeResults.Denied();
        }

        var pages = Service<ContentEditorPages>();
        var contentType = pages.Schema.FindContentType(document.ContentTypeAlias)!;
        var form = await Request.ReadFormAsync(cancellationToken);
        var posted = ContentFormReader.Read(form, contentType, pages.Schema, document.Current.Values);
        if (posted.Command is not null)
        {
            return View(EditorView, await pages.ForDocumentAsync(document, Actor, posted.Name, posted.Values, [], cancellationToken));
        }

        var (files, withFiles) = await StoreFilesAsync(form, posted, contentType, document.Current.Values, cancellationToken);
        if (files.Refusal is { } refusal)
        {
            Response.StatusCode = files.RefusalStatusCode;
            return View(EditorView, await pages.ForDocumentAsync(document, Actor, posted.Name, posted.Values, [refusal], cancellationToken));
        }

        var saved = await Service<ContentEditing>().SaveDraftAsync(key, version, withFiles.Name, withFiles.Values, Actor, cancellationToken);
        if (!saved.Succeeded)
        {
            var errors = await FilesNotKeptAsync(files, posted, ContentNotices.Errors(saved), cancellationToken);
            var page = await pages.ForDocumentAsync(document, Actor, posted.Name, posted.Values, errors, cancellationToken);
            Response.StatusCode = saved.Status == ContentOperationStatus.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
            return View(EditorView, page with { Conflict = saved.Status == ContentOperationStatus.Conflict });
        }

        var followUp = then switch
        {
            "gui-duyet" => await Service<ContentApproval>().SendForApprovalAsync(key, Actor, cancellationToken: cancellationToken),
            "xuat-ban" => await Service<ContentPublishing>().PublishAsync(key, Actor, cancellationToken),
            _ => null,
        };
        if (followUp is { Succeeded: false })
        {
            var reloaded = (await Service<DocumentQueries>().FindAsync(key, cancellationToken))!;
            var page = await pages.ForDocumentAsync(reloaded, Actor, withFiles.Name, withFiles.Values, ContentNotices.Errors(followUp),
                cancellationToken);
            return View(EditorView, page with { Notice = "Đã lưu bản nháp." });
        }

        return LocalRedirect($"{Root}/{key}?thong-bao={then switch { "gui-duyet" => "da-gui-duyet", "xuat-ban" => "da-xuat-ban", _ => "da-luu" }}");
    }

    /// <summary>The autosave of the editor's script: saves the draft when the page is unchanged since the editor loaded it.</summary>
    [HttpPost(Root + "/{key:guid}/luu-tu-dong")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Autosave(Guid key, [FromForm(Name = "phien-ban")] int? version, CancellationToken cancellationToken)
    {
        var document = await Service<DocumentQueries>().FindAsync(key, cancellationToken);
        if (document is null || !MayOpen(document))
        {
            return document is null ? NotFound() : Forbid();
        }

        var pages = Service<ContentEditorPages>();
        var contentType = pages.Schema.FindContentType(document.ContentTypeAlias)!;
        var posted = ContentFormReader.Read(await Request.ReadFormAsync(cancellationToken), contentType, pages.Schema, document.Current.Values);
        if (posted.Name == document.Current.Name && SameValues(posted.Values, document.Current.Values))
        {
            return Json(new AutosaveAnswer(true, document.Version, null));
        }

        var saved = await Service<ContentEditing>().SaveDraftAsync(key, version, posted.Name, posted.Values, Actor, cancellationToken);
        if (!saved.Succeeded)
        {
            Response.StatusCode = saved.Status == ContentOperationStatus.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
            return Json(new AutosaveAnswer(false, version, saved.Errors is { Count: > 0 } errors
                ? "Chưa tự động lưu được: " + errors[0].Message
                : "Chưa tự động lưu được: " + saved.Status.ToVietnamese()));
        }

        var after = await Service<DocumentQueries>().FindAsync(key, cancellationToken);
        return Json(new AutosaveAnswer(true, after?.Version, null));
    }

    /// <summary>The editor's script tells every minute that the page is still open; the answer names anyone else who has it open.</summary>
    [HttpPost(Root + "/{key:guid}/dang-sua")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Presence(Guid key, CancellationToken cancellationToken) =>
        Json(new PresenceAnswer(await ClaimPresenceAsync(key, cancellationToken)));

    [HttpGet(Root + "/tao-moi")]
    public async Task<IActionResult> New([FromQuery(Name = "cha")] Guid? parentKey, [FromQuery(Name = "loai")] string? alias,
        CancellationToken cancellationToken)
    {
        var pages = Service<ContentEditorPages>();
        var contentType = alias is null ? null : pages.Schema.FindContentType(alias);
        if (contentType is null || contentType.IsElement)
        {
            return BackofficeResults.Missing();
        }

        var parent = parentKey is { } pk ? await Service<DocumentQueries>().FindAsync(pk, cancellationToken) : null;
        if ((parentKey is not null && parent is null) || !ContentAccess.PermitsCreateUnder(Actor, parent))
        {
            return parentKey is not null && parent is null ? BackofficeResults.Missing() : BackofficeResults.Denied();
        }

        OpenSectionOf(contentType.Alias);
        return View(EditorView, await pages.ForNewAsync(contentType, parent, Actor, string.Empty, new Dictionary<string, string>(), [], cancellationToken));
    }

    [HttpPost(Root + "/tao-moi")]
    [MediaUploadForm]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Create([FromQuery(Name = "cha")] Guid? parentKey, [FromQuery(Name = "loai")] string? alias,
        [FromForm(Name = "thao-tac")] string? then, CancellationToken cancellationToken)
    {
        var pages = Service<ContentEditorPages>();
        var contentType = alias is null ? null : pages.Schema.FindContentType(alias);
        if (contentType is null || contentType.IsElement)
        {
            return BackofficeResults.Missing();
        }

        var parent = parentKey is { } pk ? await Service<DocumentQueries>().FindAsync(pk, cancellationToken) : null;
        var form = await Request.ReadFormAsync(cancellationToken);
        var none = new Dictionary<string, string>();
        var posted = ContentFormReader.Read(form, contentType, pages.Schema, none);
        if (posted.Command is not null)
        {
            return View(EditorView, await pages.ForNewAsync(contentType, parent, Actor, posted.Name, posted.Values, [], cancellationToken));
        }

        var (files, withFiles) = await StoreFilesAsync(form, posted, contentType, none, cancellationToken);
        if (files.Refusal is { } refusal)
        {
            Response.StatusCode = files.RefusalStatusCode;
            return View(EditorView, await pages.ForNewAsync(contentType, parent, Actor, posted.Name, posted.Values, [refusal], cancellationToken));
        }

        var created = await Service<ContentEditing>().CreateAsync(contentType.Alias, parentKey, withFiles.Name, withFiles.Values, Actor,
            cancellationToken: cancellationToken);
        if (!created.Succeeded)
        {
            Response.StatusCode = created.Status == ContentOperationStatus.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest;
            var errors = await FilesNotKeptAsync(files, posted, ContentNotices.Errors(created), cancellationToken);
            return View(EditorView, await pages.ForNewAsync(contentType, parent, Actor, posted.Name, posted.Values, errors, cancellationToken));
        }

        var key = created.DocumentKey!.Value;
        var followUp = then switch
        {
            "gui-duyet" => await Service<ContentApproval>().SendForApprovalAsync(key, Actor, cancellationToken: cancellationToken),
            "xuat-ban" => await Service<ContentPublishing>().PublishAsync(key, Actor, cancellationToken),
            _ => null,
        };
        var notice = followUp switch
        {
            null => "da-tao",
            { Succeeded: false } => "da-tao-chua-gui",
            _ => then == "gui-duyet" ? "da-gui-duyet" : "da-xuat-ban",
        };
        return LocalRedirect($"{Root}/{key}?thong-bao={notice}");
    }

    /// <summary>Highlights the section the page belongs to, when the user works from that section rather than the content tree.</summary>
    private void OpenSectionOf(string contentTypeAlias)
    {
        var section = contentTypeAlias switch
        {
            "directive" or "directiveList" => Section.Directives,
            "column" => Section.Column,
            "procedure" or "procedureSet" => Section.Procedures,
            _ => Section.Content,
        };
        if (BackofficeFrame.Of(HttpContext) is { } frame)
        {
            (frame with { ActiveSection = Actor.AllowsSection(section) ? section : Section.Content }).Attach(HttpContext);
        }
    }

    /// <summary>
    /// Stores the files chosen in upload fields before the page is saved, then reads the form again so those fields hold
    /// the files' media addresses; without files the form as read is the answer.
    /// </summary>
    private async Task<(StoredAttachments Files, PostedContent Posted)> StoreFilesAsync(IFormCollection form, PostedContent posted,
        ContentType contentType, IReadOnlyDictionary<string, string> current, CancellationToken cancellationToken)
    {
        var schema = Service<ContentEditorPages>().Schema;
        var files = await Service<ContentAttachments>().StoreAsync(posted.Files, schema, Actor, cancellationToken);
        return files.Urls.Count == 0 ? (files, posted) : (files, ContentFormReader.Read(form, contentType, schema, current, files.Urls));
    }

    /// <summary>A page that could not be saved keeps no file stored for it; the form shows what was typed and asks for the file again.</summary>
    private async Task<IReadOnlyList<FieldError>> FilesNotKeptAsync(StoredAttachments files, PostedContent posted, IReadOnlyList<FieldError> errors,
        CancellationToken cancellationToken)
    {
        if (files.Keys.Count == 0)
        {
            return errors;
        }

        await Service<ContentAttachments>().DiscardAsync(files, Actor, cancellationToken);
        return [.. errors, .. ContentAttachments.NotKept(posted.Files, errors)];
    }

    private bool MayOpen(Document document) => ContentAccess.Permits(Actor, Permission.Browse, document);

    private async Task<string?> ClaimPresenceAsync(Guid key, CancellationToken cancellationToken)
    {
        var leases = Service<LeaseStore>();
        var name = "editing:" + key.ToString("N");
        return await leases.TryAcquireAsync(name, Actor.Name, PresenceLifetime, cancellationToken)
            ? null
            : await leases.HolderAsync(name, cancellationToken);
    }

    private static bool SameValues(Dictionary<string, string> posted, IReadOnlyDictionary<string, string> stored) =>
        posted.Count == stored.Count && posted.All(p => stored.TryGetValue(p.Key, out var v) && v == p.Value);
}

internal sealed record AutosaveAnswer(bool Saved, int? Version, string? Message);

internal sealed record PresenceAnswer(string? OtherEditor);
