namespace Portal.Core.Media;

/// <summary>
/// The property aliases Umbraco's built-in media types use for what the library stores in columns, plus Portal's
/// <c>altText</c>, which Umbraco sites usually add to their Image type. APIs speak in these names.
/// </summary>
public static class MediaPropertyAliases
{
    public const string File = "umbracoFile";
    public const string Width = "umbracoWidth";
    public const string Height = "umbracoHeight";
    public const string Bytes = "umbracoBytes";
    public const string Extension = "umbracoExtension";
    public const string AltText = "altText";
}
