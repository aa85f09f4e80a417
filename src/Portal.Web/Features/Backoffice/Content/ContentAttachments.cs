using System.Text.Json;
using Portal.Core.Access;
using Portal.Core.Media;
using Portal.Core.Schema;
using Portal.Data.Media;
using Portal.Web.Features.Media;
using Library = Portal.Core.Media.MediaLibrary;

namespace Portal.Web.Features.Backoffice.Content;

/// <summary>
/// Files chosen in upload fields, stored in the media library before the page is saved. They go through the same
/// <see cref="Library.UploadAsync"/> as the Media section's form (its permission, size limit, allowed types and content
/// check), into one folder «Tệp đính kèm» at the library's root, so every file still has one home in the library.
/// </summary>
internal sealed class ContentAttachments(Library library, MediaItemStore items)
{
    public const string FolderName = "Tệp đính kèm";

    /// <summary>
    /// Stores every chosen file, or none: at the first refusal the files stored so far (and the folder, when this request
    /// made it) are deleted again, and the refusal names the field it belongs to.
    /// </summary>
    public async Task<StoredAttachments> StoreAsync(IReadOnlyList<ChosenFile> files, ISchemaCatalog schema, Actor actor,
        CancellationToken cancellationToken)
    {
        var stored = new StoredAttachments();
        if (files.Count == 0)
        {
            return stored;
        }

        foreach (var chosen in files)
        {
            var refusal = await StoreOneAsync(chosen, schema, actor, stored, cancellationToken);
            if (refusal is not null)
            {
                await DiscardAsync(stored, actor, cancellationToken);
                stored.Urls.Clear();
                (stored.Refusal, stored.RefusalStatusCode) = refusal.Value;
                return stored;
            }
        }

        return stored;
    }

    /// <summary>Takes the stored files away again when the page they were meant for could not be saved.</summary>
    public async Task DiscardAsync(StoredAttachments stored, Actor actor, CancellationToken cancellationToken)
    {
        // Files before the folder: the library deletes only an empty folder.
        for (var i = stored.Keys.Count - 1; i >= 0; i--)
        {
            await library.DeleteAsync(stored.Keys[i], actor, cancellationToken);
        }

        stored.Keys.Clear();
    }

    /// <summary>What an editor reads beside each upload field whose file was taken away again because the page had other errors.</summary>
    public static IReadOnlyList<FieldError> NotKept(IReadOnlyList<ChosenFile> files, IReadOnlyList<FieldError> errors) =>
        files.Where(f => !errors.Any(e => string.Equals(e.Field, f.Field, StringComparison.OrdinalIgnoreCase)))
            .Select(f => new FieldError(f.Field, $"Tệp «{Path.GetFileName(f.File.FileName)}» chưa được lưu vì trang còn lỗi. Hãy sửa lỗi rồi chọn lại tệp."))
            .ToList();

    private async Task<(FieldError Error, int StatusCode)?> StoreOneAsync(ChosenFile chosen, ISchemaCatalog schema, Actor actor,
        StoredAttachments stored, CancellationToken cancellationToken)
    {
        var allowed = UploadFieldRules.Extensions(schema.FindDataType(chosen.Definition.DataTypeKey)?.ConfigJson);
        if (allowed.Count > 0 && !allowed.Contains(MediaFileRules.ExtensionOf(chosen.File.FileName)))
        {
            return (new FieldError(chosen.Field, $"Trường này chỉ nhận tệp {string.Join(", ", allowed)}."), StatusCodes.Status400BadRequest);
        }

        var folder = await FolderAsync(actor, stored, cancellationToken);
        MediaOperationResult result;
        if (folder.Succeeded)
        {
            await using var content = chosen.File.OpenReadStream();

            // Documents are named after their file; an image would need alt text, which only the Media section asks for.
            result = await library.UploadAsync(new MediaFile(content, chosen.File.FileName), null, null, folder.Key, null, actor, cancellationToken);
        }
        else
        {
            result = folder;
        }

        if (result.Succeeded)
        {
            var item = (await items.FindAsync(result.Key!.Value, cancellationToken))!;
            stored.Keys.Add(item.Key);
            stored.Urls[chosen.Field] = item.Url!;
            return null;
        }

        var message = result.Status == MediaOperationStatus.AltTextRequired
            ? "Ảnh cần văn bản thay thế: hãy tải ảnh lên trong thư viện Media (nhập văn bản thay thế ở đó) rồi điền địa chỉ của ảnh vào ô bên dưới."
            : MediaMessages.For(result.Status, library.MaxUploadBytes);
        return (new FieldError(chosen.Field, message), MediaMessages.StatusCodeOf(result.Status));
    }

    /// <summary>The attachments folder, made on first use; the oldest wins should two editors have made it at once.</summary>
    private async Task<MediaOperationResult> FolderAsync(Actor actor, StoredAttachments stored, CancellationToken cancellationToken)
    {
        if (stored.FolderKey is { } known)
        {
            return MediaOperationResult.Done(known);
        }

        var existing = (await items.ChildrenAsync(null, cancellationToken)).FirstOrDefault(m => m.IsFolder && MediaFolders.SameName(m.Name, FolderName));
        if (existing is not null)
        {
            stored.FolderKey = existing.Key;
            return MediaOperationResult.Done(existing.Key);
        }

        var created = await library.CreateFolderAsync(FolderName, null, actor, cancellationToken);
        if (created.Succeeded)
        {
            stored.FolderKey = created.Key;
            stored.Keys.Add(created.Key!.Value);
        }

        return created;
    }
}

/// <summary>The files one save stored: each field's new media address, the items made (to take away again), and a refusal.</summary>
internal sealed class StoredAttachments
{
    public Dictionary<string, string> Urls { get; } = new(StringComparer.Ordinal);
    public List<Guid> Keys { get; } = [];
    public Guid? FolderKey { get; set; }
    public FieldError? Refusal { get; set; }
    public int RefusalStatusCode { get; set; } = StatusCodes.Status400BadRequest;
}

/// <summary>What an upload field's data type allows (<c>fileExtensions</c>, as Umbraco stores it).</summary>
internal static class UploadFieldRules
{
    /// <summary>Lower-case extensions without the dot; empty when the data type names none (then the media library's rules alone apply).</summary>
    public static IReadOnlyList<string> Extensions(string? config)
    {
        if (string.IsNullOrWhiteSpace(config))
        {
            return [];
        }

        try
        {
            using var json = JsonDocument.Parse(config);
            if (json.RootElement.ValueKind != JsonValueKind.Object || !json.RootElement.TryGetProperty("fileExtensions", out var list)
                || list.ValueKind != JsonValueKind.Array)
            {
                return [];
            }

            // Umbraco 8 wrote [{"id": 0, "value": "pdf"}]; later versions write ["pdf"].
            return list.EnumerateArray()
                .Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()
                    : e.ValueKind == JsonValueKind.Object && e.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()
                    : null)
                .OfType<string>().Select(x => x.Trim().TrimStart('.').ToLowerInvariant()).Where(x => x.Length > 0).Distinct().ToList();
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>The file input's <c>accept</c>: a hint to the browser's dialog only; the server checks again.</summary>
    public static string? Accept(string? config) => Extensions(config) is { Count: > 0 } list ? string.Join(',', list.Select(x => "." + x)) : null;
}
