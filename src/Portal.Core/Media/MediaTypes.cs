namespace Portal.Core.Media;

/// <summary>
/// Umbraco's three built-in media types, with their aliases and the keys every Umbraco install gives them, so a
/// media picker configured with <c>"filter": "cc07b313-…"</c> in uSync and a client that asks for <c>mediaType:Image</c>
/// both mean the same thing here.
/// </summary>
public static class MediaTypes
{
    public const string Folder = "Folder";
    public const string Image = "Image";
    public const string File = "File";

    public static readonly Guid FolderKey = Guid.Parse("f38bd2d7-65d0-48e6-95dc-87ce06ec2d3d");
    public static readonly Guid ImageKey = Guid.Parse("cc07b313-0843-4aa8-bbda-871c8da728c8");
    public static readonly Guid FileKey = Guid.Parse("4c52d8ab-54e6-40cd-999c-7a5f24903e4d");

    public static Guid KeyOf(string alias) => alias switch
    {
        Folder => FolderKey,
        Image => ImageKey,
        File => FileKey,
        _ => throw new ArgumentOutOfRangeException(nameof(alias), alias, "Not one of Umbraco's built-in media types."),
    };

    /// <summary>Umbraco's backoffice icons of the three types.</summary>
    public static string IconOf(string alias) => alias switch
    {
        Folder => "icon-folder",
        Image => "icon-picture",
        _ => "icon-document",
    };
}
