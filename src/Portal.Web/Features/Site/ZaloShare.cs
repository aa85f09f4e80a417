namespace Portal.Web.Features.Site;

/// <summary>
/// Zalo has no script-free share address; its share plugin's page (what Zalo's sdk.js puts in an iframe) works as a plain
/// link, so the site offers that and loads no Zalo script. The page needs the province's Official Account id.
/// </summary>
internal static class ZaloShare
{
    public static string? Url(string? officialAccountId, string canonicalUrl) =>
        string.IsNullOrWhiteSpace(officialAccountId)
            ? null
            : $"https://sp.zalo.me/plugins/share?oaid={Uri.EscapeDataString(officialAccountId.Trim())}&href={Uri.EscapeDataString(canonicalUrl)}"
              + "&layout=1&color=blue&customize=false";
}
