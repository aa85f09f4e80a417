using System.Text.Json.Nodes;
using Portal.Core.Media;
using Portal.Web.Features.Management.Documents;

namespace Portal.Web.Features.Management.Media;

/// <summary>Media items in the Management API's shapes: the item as an editor opens it, and a node of the media tree.</summary>
internal static class MediaResponses
{
    public static MediaTypeReference TypeOf(string alias) => new(MediaTypes.KeyOf(alias), alias, MediaTypes.IconOf(alias), null);

    public static MediaResponse Item(MediaItem item) => new(
        item.Key,
        TypeOf(item.MediaTypeAlias),
        Values(item),
        [new MediaVariantResponse(null, null, item.Name, Utc(item.CreatedAt), Utc(item.UpdatedAt))],
        item.Url is { } url ? [new MediaUrl(null, url)] : [],
        IsTrashed: false);

    public static MediaTreeItem TreeItem(MediaItem item, bool hasChildren) => new(
        hasChildren,
        item.Key,
        item.ParentKey is { } parent ? new ReferenceById(parent) : null,
        NoAccess: false,
        IsTrashed: false,
        TypeOf(item.MediaTypeAlias),
        [new MediaTreeVariant(item.Name, null)],
        Utc(item.CreatedAt));

    /// <summary>Umbraco's property values of the item's type: an image cropper or upload field, the labels it fills, and alt text.</summary>
    private static List<MediaValueResponse> Values(MediaItem item)
    {
        if (item.IsFolder)
        {
            return [];
        }

        var image = item.MediaTypeAlias == MediaTypes.Image;
        var file = new JsonObject { ["src"] = item.Url };
        if (image)
        {
            file["crops"] = new JsonArray();
            file["focalPoint"] = new JsonObject { ["left"] = item.FocalLeft, ["top"] = item.FocalTop };
        }

        var values = new List<MediaValueResponse>
        {
            Value(image ? "Umbraco.ImageCropper" : "Umbraco.UploadField", MediaPropertyAliases.File, file),
        };
        if (image)
        {
            values.Add(Value("Umbraco.Label", MediaPropertyAliases.Width, item.Width));
            values.Add(Value("Umbraco.Label", MediaPropertyAliases.Height, item.Height));
        }

        values.Add(Value("Umbraco.Label", MediaPropertyAliases.Bytes, item.Bytes));
        values.Add(Value("Umbraco.Label", MediaPropertyAliases.Extension, item.Extension));
        values.Add(Value("Umbraco.TextBox", MediaPropertyAliases.AltText, item.AltText));
        return values;
    }

    private static MediaValueResponse Value(string editorAlias, string alias, JsonNode? value) => new(editorAlias, alias, null, null, value);

    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));
}
