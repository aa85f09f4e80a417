using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Access;
using Portal.Core.Schema;
using Portal.Data;
using Portal.Data.Audit;
using Portal.Data.Webhooks;
using Portal.Infrastructure.Webhooks;
using Portal.Web.Features.SignIn;

namespace Portal.Web.Features.Backoffice.Settings;

/// <summary>
/// The webhooks made in the backoffice (those of <c>Portal:Webhooks</c> are the configuration's). Each change commits
/// with its audit entry; <see cref="WebhookRegistry"/> reads the table on every event, so every node sees it at once.
/// </summary>
internal sealed partial class WebhookAdministration(PortalDbContext db, ISchemaCatalog schema, TimeProvider clock)
{
    public const int SecretMaxLength = 500;

    public async Task<IReadOnlyList<WebhookDefinition>> StoredAsync(CancellationToken cancellationToken) =>
        await db.Webhooks.AsNoTracking().OrderBy(w => w.Url).ToListAsync(cancellationToken);

    public Task<WebhookDefinition?> FindAsync(Guid key, CancellationToken cancellationToken) =>
        db.Webhooks.AsNoTracking().SingleOrDefaultAsync(w => w.Key == key, cancellationToken);

    /// <returns>The refusals beside their fields, or none and the new webhook's key.</returns>
    public async Task<(IReadOnlyList<FormError> Errors, Guid Key)> CreateAsync(WebhookForm form, Actor actor, CancellationToken cancellationToken)
    {
        var webhook = new WebhookDefinition { Key = Guid.NewGuid() };
        var errors = Apply(form, webhook);
        if (errors.Count > 0)
        {
            return (errors, Guid.Empty);
        }

        db.Webhooks.Add(webhook);
        Audit(actor, webhook.Key, AuditActions.WebhookCreated, Describe(webhook));
        await db.SaveChangesAsync(cancellationToken);
        return ([], webhook.Key);
    }

    /// <returns>Null when there is no such webhook; otherwise the refusals, none when saved.</returns>
    public async Task<IReadOnlyList<FormError>?> UpdateAsync(Guid key, WebhookForm form, Actor actor, CancellationToken cancellationToken)
    {
        if (await db.Webhooks.SingleOrDefaultAsync(w => w.Key == key, cancellationToken) is not { } webhook)
        {
            return null;
        }

        var errors = Apply(form, webhook);
        if (errors.Count > 0)
        {
            return errors;
        }

        Audit(actor, key, AuditActions.WebhookChanged, Describe(webhook));
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    /// <returns>False when there is no such webhook.</returns>
    public async Task<bool> SetEnabledAsync(Guid key, bool enabled, Actor actor, CancellationToken cancellationToken)
    {
        if (await db.Webhooks.SingleOrDefaultAsync(w => w.Key == key, cancellationToken) is not { } webhook)
        {
            return false;
        }

        if (webhook.Enabled != enabled)
        {
            webhook.Enabled = enabled;
            Audit(actor, key, AuditActions.WebhookChanged, (enabled ? "Bật: " : "Tắt: ") + webhook.Url);
            await db.SaveChangesAsync(cancellationToken);
        }

        return true;
    }

    /// <summary>Deletes the webhook; its pending deliveries are abandoned at their next attempt, its log stays until cleaned.</summary>
    public async Task<bool> DeleteAsync(Guid key, Actor actor, CancellationToken cancellationToken)
    {
        if (await db.Webhooks.SingleOrDefaultAsync(w => w.Key == key, cancellationToken) is not { } webhook)
        {
            return false;
        }

        db.Webhooks.Remove(webhook);
        Audit(actor, key, AuditActions.WebhookDeleted, Describe(webhook));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The content types a webhook may be narrowed to: every document type (element types are never published alone).</summary>
    public IReadOnlyList<ContentType> ContentTypes() =>
        schema.ContentTypes.Where(c => !c.IsElement).OrderBy(c => c.Name, Core.Text.VietnameseText.Order).ToList();

    /// <summary>Checks the form and, when it is right, copies it onto the webhook; the secret stays unless replaced or removed.</summary>
    private List<FormError> Apply(WebhookForm form, WebhookDefinition webhook)
    {
        var errors = new List<FormError>();
        var url = form.Url?.Trim() ?? string.Empty;
        if (url.Length == 0)
        {
            errors.Add(new FormError(WebhookFields.Url, "Nhập địa chỉ nhận (URL)."));
        }
        else if (url.Length > WebhookDefinition.UrlMaxLength || !WebhookDefinition.IsUsableUrl(url))
        {
            errors.Add(new FormError(WebhookFields.Url, "Địa chỉ nhận phải là một URL đầy đủ bắt đầu bằng http:// hoặc https://, tối đa 2000 ký tự."));
        }

        var events = form.Events.Distinct(StringComparer.Ordinal).ToList();
        if (events.Count == 0 || events.Exists(e => !WebhookEvents.Raised.Contains(e)))
        {
            errors.Add(new FormError(WebhookFields.EventId(WebhookEvents.Raised[0]), "Chọn ít nhất một sự kiện trong danh sách."));
        }

        var types = form.ContentTypes.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (types.Exists(t => schema.FindContentType(t) is null))
        {
            errors.Add(new FormError(WebhookFields.ContentTypeId(ContentTypes()[0].Alias), "Có loại nội dung không tồn tại."));
        }

        var secret = form.Secret?.Trim() ?? string.Empty;
        if (secret.Length > SecretMaxLength)
        {
            errors.Add(new FormError(WebhookFields.Secret, $"Khóa bí mật dài tối đa {SecretMaxLength} ký tự."));
        }

        var headers = ReadHeaders(form.Headers, out var headerError);
        if (headerError is not null)
        {
            errors.Add(new FormError(WebhookFields.Headers, headerError));
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        webhook.Url = url;
        webhook.Events = events;
        webhook.ContentTypes = types.Select(t => schema.FindContentType(t)!.Alias).ToList();
        webhook.Headers = headers;
        webhook.Enabled = form.Enabled;
        if (form.RemoveSecret)
        {
            webhook.Secret = null;
        }
        else if (secret.Length > 0)
        {
            webhook.Secret = secret;
        }

        return errors;
    }

    /// <summary>One header a line, <c>Name: value</c>, as they are written in a request.</summary>
    private static Dictionary<string, string> ReadHeaders(string? text, out string? error)
    {
        error = null;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (line, number) in (text ?? string.Empty).Split('\n').Select((l, i) => (l.Trim(), i + 1)))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var name = colon > 0 ? line[..colon].Trim() : string.Empty;
            if (!HeaderName().IsMatch(name))
            {
                error = $"Dòng {number}: mỗi dòng là «Tên: giá trị», tên gồm chữ cái không dấu, chữ số và '-'.";
                return headers;
            }

            headers[name] = line[(colon + 1)..].Trim();
        }

        return headers;
    }

    public static string HeadersText(IReadOnlyDictionary<string, string> headers) =>
        string.Join('\n', headers.Select(h => $"{h.Key}: {h.Value}"));

    private static string Describe(WebhookDefinition webhook) =>
        $"{webhook.Url}; sự kiện: {string.Join(", ", webhook.Events)}; loại nội dung: "
        + $"{(webhook.ContentTypes.Count == 0 ? "tất cả" : string.Join(", ", webhook.ContentTypes))}; {(webhook.Enabled ? "bật" : "tắt")}";

    private void Audit(Actor actor, Guid key, string action, string note) =>
        db.AuditLog.Add(new AuditEntry(actor, AuditEntityTypes.Webhook, key, action, clock.GetUtcNow().UtcDateTime, note));

    [GeneratedRegex("^[A-Za-z0-9-]{1,100}$")]
    private static partial Regex HeaderName();
}
