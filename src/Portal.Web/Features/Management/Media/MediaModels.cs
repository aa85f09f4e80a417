using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.Web.Features.Management.Documents;

namespace Portal.Web.Features.Management.Media;

// Request and response bodies of the media endpoints, in Umbraco 17's Management API shapes (camelCase JSON). Media is
// invariant: culture and segment are always null.

internal sealed record CreateMediaFolderRequest(string? Name, ReferenceById? Parent);

internal sealed record MediaValueModel(string? Alias, string? Culture, string? Segment, JsonElement Value);

internal sealed record MediaVariantRequest(string? Culture, string? Segment, string? Name);

internal sealed record UpdateMediaRequest(IReadOnlyList<MediaValueModel>? Values, IReadOnlyList<MediaVariantRequest>? Variants);

internal sealed record MediaTypeReference(Guid Id, string Alias, string Icon, object? Collection);

internal sealed record MediaValueResponse(string EditorAlias, string Alias, string? Culture, string? Segment, JsonNode? Value);

internal sealed record MediaVariantResponse(string? Culture, string? Segment, string Name, DateTimeOffset CreateDate, DateTimeOffset UpdateDate);

internal sealed record MediaUrl(string? Culture, string Url);

internal sealed record MediaResponse(Guid Id, MediaTypeReference MediaType, IReadOnlyList<MediaValueResponse> Values,
    IReadOnlyList<MediaVariantResponse> Variants, IReadOnlyList<MediaUrl> Urls, bool IsTrashed);

internal sealed record MediaTreeVariant(string Name, string? Culture);

internal sealed record MediaTreeItem(bool HasChildren, Guid Id, ReferenceById? Parent, bool NoAccess, bool IsTrashed,
    MediaTypeReference MediaType, IReadOnlyList<MediaTreeVariant> Variants, DateTimeOffset CreateDate);
