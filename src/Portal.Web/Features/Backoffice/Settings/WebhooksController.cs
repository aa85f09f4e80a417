using Microsoft.AspNetCore.Mvc;
using Portal.Core.Access;
using Portal.Data.Webhooks;
using Portal.Infrastructure.Webhooks;
using Portal.Web.Features.Backoffice.Shell;
using Portal.Web.Features.SignIn;

namespace Portal.Web.Features.Backoffice.Settings;

/// <summary>
/// Settings › Webhook, as Umbraco has it: the webhooks with their recent deliveries; made, changed, switched on or off and
/// deleted here through <see cref="WebhookAdministration"/>. Those of <c>Portal:Webhooks</c> are listed but belong to
/// the configuration.
/// </summary>
[BackofficeSection(Section.Settings)]
public sealed class WebhooksController : BackofficeController
{
    private const string Views = "~/Features/Backoffice/Settings/Views/";
    private const int RecentDeliveries = 20;

    [HttpGet(SettingsPaths.Webhooks)]
    public async Task<IActionResult> Index([FromQuery(Name = "thong-bao")] string? notice, CancellationToken cancellationToken)
    {
        var registry = Service<WebhookRegistry>();
        return View(Views + "Webhooks.cshtml", new WebhookListPage(await Administration.StoredAsync(cancellationToken), registry.Configured,
            registry.Settings.Enabled, await Service<WebhookDeliveryStore>().RecentAsync(null, RecentDeliveries, cancellationToken),
            SettingsNotices.Text(notice)));
    }

    [HttpGet(SettingsPaths.NewWebhook)]
    public IActionResult New() =>
        View(Views + "Webhook.cshtml", new WebhookPage(null, new WebhookForm { Enabled = true, Events = [WebhookEvents.ContentPublish] },
            false, Administration.ContentTypes(), [], [], null));

    [HttpPost(SettingsPaths.NewWebhook)]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Create([FromForm] WebhookForm form, CancellationToken cancellationToken)
    {
        var (errors, key) = await Administration.CreateAsync(form, Actor, cancellationToken);
        return errors.Count == 0
            ? Redirect(BackofficeNotices.Link(SettingsPaths.Webhook(key), SettingsNotices.Created))
            : Refused(new WebhookPage(null, form, false, Administration.ContentTypes(), [], errors, null));
    }

    [HttpGet(SettingsPaths.Webhooks + "/{key:guid}")]
    public async Task<IActionResult> Show(Guid key, [FromQuery(Name = "thong-bao")] string? notice, CancellationToken cancellationToken) =>
        await Administration.FindAsync(key, cancellationToken) is { } webhook
            ? View(Views + "Webhook.cshtml", await PageAsync(webhook, WebhookForm.From(webhook), [], SettingsNotices.Text(notice), cancellationToken))
            : BackofficeResults.Missing();

    [HttpPost(SettingsPaths.Webhooks + "/{key:guid}")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Save(Guid key, [FromForm] WebhookForm form, CancellationToken cancellationToken)
    {
        var errors = await Administration.UpdateAsync(key, form, Actor, cancellationToken);
        if (errors is null || await Administration.FindAsync(key, cancellationToken) is not { } webhook)
        {
            return BackofficeResults.Missing();
        }

        return errors.Count == 0
            ? Redirect(BackofficeNotices.Link(SettingsPaths.Webhook(key), SettingsNotices.Saved))
            : Refused(await PageAsync(webhook, form, errors, null, cancellationToken));
    }

    [HttpPost(SettingsPaths.Webhooks + "/{key:guid}/bat")]
    [ValidateAntiForgeryToken]
    public Task<IActionResult> Enable(Guid key, CancellationToken cancellationToken) => SwitchAsync(key, true, cancellationToken);

    [HttpPost(SettingsPaths.Webhooks + "/{key:guid}/tat")]
    [ValidateAntiForgeryToken]
    public Task<IActionResult> Disable(Guid key, CancellationToken cancellationToken) => SwitchAsync(key, false, cancellationToken);

    [HttpPost(SettingsPaths.Webhooks + "/{key:guid}/xoa")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Delete(Guid key, CancellationToken cancellationToken) =>
        await Administration.DeleteAsync(key, Actor, cancellationToken)
            ? Redirect(BackofficeNotices.Link(SettingsPaths.Webhooks, SettingsNotices.Deleted))
            : BackofficeResults.Missing();

    private WebhookAdministration Administration => Service<WebhookAdministration>();

    private async Task<IActionResult> SwitchAsync(Guid key, bool enabled, CancellationToken cancellationToken) =>
        await Administration.SetEnabledAsync(key, enabled, Actor, cancellationToken)
            ? Redirect(BackofficeNotices.Link(SettingsPaths.Webhooks, enabled ? SettingsNotices.Enabled : SettingsNotices.Disabled))
            : BackofficeResults.Missing();

    private async Task<WebhookPage> PageAsync(WebhookDefinition webhook, WebhookForm form, IReadOnlyList<FormError> errors, string? notice,
        CancellationToken cancellationToken) =>
        new(webhook.Key, form, webhook.Secret is not null, Administration.ContentTypes(),
            await Service<WebhookDeliveryStore>().RecentAsync(webhook.Key, RecentDeliveries, cancellationToken), errors, notice);

    private ViewResult Refused(WebhookPage page)
    {
        var result = View(Views + "Webhook.cshtml", page);
        result.StatusCode = StatusCodes.Status400BadRequest;
        return result;
    }
}
