using System.Text.Json;

namespace Portal.Web.Features.Site;

/// <summary>schema.org JSON-LD: NewsArticle for news and directives, GovernmentOrganization for units and the portal itself.</summary>
public static class StructuredData
{
    // The default encoder escapes <, > and &, so the JSON can never close the script element it sits in.
    private static readonly JsonSerializerOptions Json = new();

    private static readonly object Publisher = new Dictionary<string, object>
    {
        ["@type"] = "GovernmentOrganization",
        ["name"] = "Ủy ban nhân dân tỉnh Kon Tum",
        ["url"] = "http://www.kontum.gov.vn",
    };

    public static string For(PublishedPage page)
    {
        object data = page switch
        {
            ArticlePage or DirectivePage => new Dictionary<string, object?>
            {
                ["@context"] = "https://schema.org",
                ["@type"] = "NewsArticle",
                ["headline"] = page.Title,
                ["description"] = page.Description,
                ["datePublished"] = page.Node.CreatedAt.ToString("O"),
                ["dateModified"] = page.Node.UpdatedAt.ToString("O"),
                ["inLanguage"] = "vi",
                ["mainEntityOfPage"] = page.CanonicalUrl,
                ["author"] = new Dictionary<string, object> { ["@type"] = "Organization", ["name"] = page.Text("author") ?? "Ban Biên tập" },
                ["publisher"] = Publisher,
            },
            UnitPage unit => new Dictionary<string, object?>
            {
                ["@context"] = "https://schema.org",
                ["@type"] = "GovernmentOrganization",
                ["name"] = unit.Title,
                ["url"] = unit.CanonicalUrl,
                ["email"] = unit.Email,
                ["telephone"] = unit.Phone,
                ["address"] = unit.Address,
                ["parentOrganization"] = Publisher,
            },
            _ => new Dictionary<string, object?>
            {
                ["@context"] = "https://schema.org",
                ["@type"] = "WebPage",
                ["name"] = page.Title,
                ["url"] = page.CanonicalUrl,
                ["inLanguage"] = "vi",
                ["publisher"] = Publisher,
            },
        };
        return JsonSerializer.Serialize(WithoutNulls(data), Json);
    }

    private static object WithoutNulls(object data) =>
        data is Dictionary<string, object?> map ? map.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value) : data;
}
