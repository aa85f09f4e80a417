using Portal.Core.Content;
using Portal.Core.Schema;

namespace Portal.Web.Features.Management.Documents;

/// <summary>Builds the document and version bodies from a document and its editions.</summary>
internal static class DocumentResponses
{
    public static DocumentTypeReference TypeOf(string contentTypeAlias, ISchemaCatalog schema)
    {
        var type = schema.FindContentType(contentTypeAlias);
        return new DocumentTypeReference(type?.Key ?? Guid.Empty, type?.Icon, null);
    }

    /// <summary>Instants are stored as UTC; the Management API writes them with their offset, as Umbraco does.</summary>
    public static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));

    public static DateTimeOffset? Utc(DateTime? at) => at is { } value ? Utc(value) : null;

    /// <summary>The document as its editor sees it: the pending edition, else the live one, else the newest.</summary>
    public static DocumentResponse Document(Document document, ISchemaCatalog schema)
    {
        var edition = document.Current;
        var pending = document.Pending;
        var live = document.Live;
        var scheduled = pending?.Status == EditionStatus.Scheduled ? pending : null;
        var variant = new DocumentVariantResponse(null, null, edition.Name, Utc(document.CreatedAt), Utc(edition.UpdatedAt),
            DocumentVariantState.Of(live is not null, pending is not null), Utc(live?.PublishedAt), Utc(scheduled?.PublishAt),
            Utc(scheduled?.UnpublishAt ?? live?.UnpublishAt));
        var approval = new DocumentApprovalResponse(pending?.Status.ToString(), live?.AwaitsReview == true, live?.ForcePublishReason,
            live?.ForcePublishedBy, live?.ReviewedBy, Utc(live?.ReviewedAt));
        return new DocumentResponse(document.Key, TypeOf(document.ContentTypeAlias, schema), null, document.Trashed,
            Values(edition, schema.FindContentType(document.ContentTypeAlias)), [variant], approval);
    }

    /// <summary>One edition as a version: its own name, values, dates and schedule.</summary>
    public static DocumentVersionResponse Version(Document document, Edition edition, ISchemaCatalog schema)
    {
        var state = edition.Status == EditionStatus.Published ? DocumentVariantState.Published : DocumentVariantState.Draft;
        var variant = new DocumentVariantResponse(null, null, edition.Name, Utc(edition.CreatedAt), Utc(edition.UpdatedAt), state,
            Utc(edition.PublishedAt), Utc(edition.PublishAt), Utc(edition.UnpublishAt));
        return new DocumentVersionResponse(edition.Key, new ReferenceById(document.Key), TypeOf(document.ContentTypeAlias, schema),
            Values(edition, schema.FindContentType(document.ContentTypeAlias)), [variant]);
    }

    /// <summary>The edition's stored values in the order of the content type's fields; values of removed fields are not shown.</summary>
    private static List<DocumentValueResponse> Values(Edition edition, ContentType? contentType)
    {
        var values = new List<DocumentValueResponse>();
        foreach (var field in contentType?.Fields ?? [])
        {
            if (edition.Values.TryGetValue(field.Alias, out var stored))
            {
                values.Add(new DocumentValueResponse(field.EditorAlias, field.Alias, null, null, DocumentValues.ToApi(field.Editor, stored)));
            }
        }

        return values;
    }
}
