using Microsoft.AspNetCore.Mvc;
using Portal.Core.Access;
using Portal.Core.Schema;
using Portal.Core.Text;
using Portal.Infrastructure.Schema;
using Portal.Infrastructure.Usync;
using Portal.Web.Features.Backoffice.Shell;

namespace Portal.Web.Features.Backoffice.Settings;

/// <summary>
/// The Settings section's front page (content types, webhooks, search) and the content types, read-only: the schema is
/// code in <c>uSync/v17</c>, so it is changed there and imported, never edited here. Each type downloads as the uSync
/// file <see cref="UsyncSchemaWriter"/> writes, and the whole schema as a zip of the folder <c>usync export</c> writes.
/// </summary>
[BackofficeSection(Section.Settings)]
public sealed class SettingsController : BackofficeController
{
    private const string Views = "~/Features/Backoffice/Settings/Views/";

    [HttpGet(SettingsPaths.Root)]
    public async Task<IActionResult> Index([FromQuery(Name = "thong-bao")] string? notice, CancellationToken cancellationToken)
    {
        var webhooks = (await Service<WebhookAdministration>().StoredAsync(cancellationToken)).Count
            + Service<Infrastructure.Webhooks.WebhookRegistry>().Configured.Count;
        var search = Service<ISearchIndexStatus>().Report();
        if (search.Rebuilding)
        {
            // Works without script: the page refreshes itself while an index is being built.
            Response.Headers["Refresh"] = "2";
        }

        return View(Views + "Index.cshtml", new SettingsPage(SortedTypes().Count, webhooks, search, SettingsNotices.Text(notice)));
    }

    /// <summary>Rebuilds both search indexes of this node in the background; the old ones answer searches until then.</summary>
    [HttpPost(SettingsPaths.RebuildSearch)]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> RebuildSearch(CancellationToken cancellationToken) =>
        Redirect(BackofficeNotices.Link(SettingsPaths.Root,
            await Service<ISearchIndexStatus>().StartRebuildAsync(Actor, cancellationToken) ? SettingsNotices.RebuildStarted : SettingsNotices.RebuildRunning)
            + "#tim-kiem-tieu-de");

    [HttpGet(SettingsPaths.ContentTypes)]
    public IActionResult ContentTypes() => View(Views + "ContentTypes.cshtml", new ContentTypeListPage(SortedTypes()));

    [HttpGet(SettingsPaths.ContentTypes + "/{alias}")]
    public IActionResult ContentType(string alias)
    {
        var schema = Service<ISchemaCatalog>();
        if (schema.FindContentType(alias) is not { } type)
        {
            return BackofficeResults.Missing();
        }

        var children = type.AllowedChildren.OrderBy(c => c.SortOrder).Select(c => schema.FindContentType(c.Alias)).OfType<ContentType>().ToList();
        return View(Views + "ContentType.cshtml", new ContentTypePage(type, children, schema));
    }

    [HttpGet(SettingsPaths.ContentTypes + "/{alias}/xuat-usync")]
    public IActionResult Export(string alias)
    {
        // The stored type, compositions not merged in: what uSync itself would write.
        var type = Service<SchemaCatalog>().StoredContentTypes.FirstOrDefault(c => string.Equals(c.Alias, alias, StringComparison.OrdinalIgnoreCase));
        if (type is null)
        {
            return BackofficeResults.Missing();
        }

        var file = new MemoryStream();
        UsyncSchemaWriter.WriteContentType(file, type);
        file.Position = 0;
        return File(file, "application/xml", UsyncSchemaWriter.ContentTypeFileName(type));
    }

    [HttpGet(SettingsPaths.ExportAll)]
    public IActionResult ExportAll()
    {
        var catalog = Service<SchemaCatalog>();
        var zip = new MemoryStream();
        UsyncSchemaWriter.WriteZip(zip, catalog.DataTypes, catalog.StoredContentTypes);
        zip.Position = 0;
        return File(zip, "application/zip", "usync-v17.zip");
    }

    /// <summary>Every content type in Vietnamese order; element types (blocks) are among them, marked in the list.</summary>
    private List<ContentType> SortedTypes() =>
        Service<ISchemaCatalog>().ContentTypes.OrderBy(c => c.Name, VietnameseText.Order).ToList();
}
