using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.PublishedCache;
using Portal.Web.Tests.TestHost;

namespace Portal.Web.Tests.Features.Delivery;

/// <summary>Facts of the seeded uSync content (uSync/v17/Content) the Delivery API tests assert on.</summary>
internal static class Seed
{
    /// <summary>84 pages of uSync content, the list of announcing decisions with its 5 decisions, and 76 demonstration procedures.</summary>
    public const int AllDocuments = 166;
    public const int Decisions = 5;
    public const int Articles = 20;
    /// <summary>20 articles, the training course and the contest (plan II.4).</summary>
    public const int ColumnChildren = 22;
    /// <summary>The contest's results page: below the contest, at level 4 like the decisions.</summary>
    public const int ContestResults = 1;
    public const int Directives = 6;
    public const int Units = 30;
    public const int SectionsBelowHome = 9;

    public static readonly Guid Home = Guid.Parse("03a90cee-c1d1-530e-8334-bb313eff4bfa");
    public const string HomeSegment = "cai-cach-hanh-chinh-tinh-kon-tum";

    public static readonly Guid Column = Guid.Parse("23e29ced-6d0e-5431-927b-afbf09a1bc53");
    public const string ColumnPath = "/chuyen-trang-cchc/";

    public static readonly Guid DirectiveList = Guid.Parse("20c1f316-ced9-57b7-a8df-d63f470074dc");
    public const string DirectiveListPath = "/chi-dao-dieu-hanh/";

    public static readonly Guid UnitsRoot = Guid.Parse("cf657c34-e564-57f9-b00c-41ad32192dd8");
    public const string UnitsRootPath = "/don-vi/";

    /// <summary>Sở Nội vụ: the unit five column articles name in their <c>unit</c> picker.</summary>
    public static readonly Guid InteriorUnit = Guid.Parse("495e4338-c512-5de3-8071-32a784a7bb02");
    public const string InteriorUnitPath = "/don-vi/so-noi-vu/";

    public static readonly Guid[] InteriorColumnArticles =
    [
        Guid.Parse("68af8ad7-612c-51ff-9dc8-2f25f6328e5d"),
        Guid.Parse("59a3e95b-88a5-5f0e-ad27-1ea1d5c743c1"),
        Guid.Parse("4c46c7ab-9d39-58cc-98c7-bc3664d6c7d7"),
        Guid.Parse("9e97b40e-6162-54ae-9497-e776a32edc20"),
        Guid.Parse("a0d62b94-836b-5a4f-965f-eb25ed34387b"),
    ];

    /// <summary>"Sở Nội vụ chủ trì tập huấn…": created 2018-03-12T09:00:00, unit Sở Nội vụ, three tags, not featured.</summary>
    public static readonly Guid TrainingArticle = Guid.Parse("59a3e95b-88a5-5f0e-ad27-1ea1d5c743c1");
    public const string TrainingArticleName = "Sở Nội vụ chủ trì tập huấn cho công chức làm việc tại Bộ phận tiếp nhận và trả kết quả";

    /// <summary>"Đẩy mạnh sử dụng dịch vụ công trực tuyến…": featured.</summary>
    public static readonly Guid FeaturedArticle = Guid.Parse("4a3fd940-9963-5e37-bd12-474cc4e5ca28");

    /// <summary>"Duy trì chuyên trang cải cách hành chính…": its <c>relatedItems</c> picker names these three articles, each with a unit.</summary>
    public static readonly Guid RelatedArticle = Guid.Parse("9e97b40e-6162-54ae-9497-e776a32edc20");

    public static readonly Guid[] RelatedArticleItems =
    [
        Guid.Parse("68af8ad7-612c-51ff-9dc8-2f25f6328e5d"),
        FeaturedArticle,
        Guid.Parse("4c46c7ab-9d39-58cc-98c7-bc3664d6c7d7"),
    ];

    /// <summary>The items of the column's <c>placements</c>, in curated order; only the first is featured, none has a window.</summary>
    public static readonly Guid[] ColumnPlacementItems = RelatedArticleItems;

    /// <summary>"Tiếp nhận hồ sơ… qua dịch vụ bưu chính công ích": no unit picked.</summary>
    public static readonly Guid PostalArticle = Guid.Parse("5353b2bb-e3fb-5cbe-aac2-9e60c57df66b");

    public static readonly Guid TrainingCourse = Guid.Parse("f7641444-e82b-5e3b-ae8e-4170cce809f4");

    /// <summary>The first directive: created 2018-02-23T16:00:00 (Vietnam time), issued 2018-02-23.</summary>
    public static readonly Guid FirstDirective = Guid.Parse("9c66a4c3-44d6-589e-9ec0-a62e67d8927f");
}

/// <summary>What one Delivery API answer looked like to a client.</summary>
public sealed record DeliveryResponse(HttpStatusCode Status, string Body, string? MediaType, HttpResponseHeaders Headers)
{
    public JsonElement Json => JsonSerializer.Deserialize<JsonElement>(Body);
}

/// <summary>One seeded host shared by the read-only tests of a class, started with the configuration a subclass gives.</summary>
public abstract class DeliverySite : IAsyncLifetime
{
    public const string BasePath = "/umbraco/delivery/api/v2/";
    public const string ApiKey = "delivery-test-key";

    private readonly string folder = TestServices.NewDataDirectory();
    private WebApplicationFactory<Program> factory = null!;

    public HttpClient Client { get; private set; } = null!;

    public IServiceProvider Services => factory.Services;

    public PublishedRouteTree Tree => Services.GetRequiredService<PublishedRouteTree>();

    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    protected virtual bool Development => false;

    public Task InitializeAsync()
    {
        factory = Development ? new DevelopmentPortalFactory(folder, Settings) : new PortalFactory(folder, Settings);
        Client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await factory.DisposeAsync();
        TestServices.DeleteQuietly(folder);
    }

    public Task<DeliveryResponse> GetAsync(string relative, params (string Name, string Value)[] headers) =>
        DeliveryHttp.GetAsync(Client, relative, headers);

    public Task<JsonElement> GetJsonAsync(string relative, params (string Name, string Value)[] headers) =>
        DeliveryHttp.GetJsonAsync(Client, relative, headers);

    public Task<(int Total, IReadOnlyList<JsonElement> Items)> QueryAsync(string query, params (string Name, string Value)[] headers) =>
        DeliveryHttp.QueryAsync(Client, query, headers);
}

/// <summary>Requests and readers shared by the Delivery API tests.</summary>
internal static class DeliveryHttp
{
    public static async Task<DeliveryResponse> GetAsync(HttpClient client, string relative, params (string Name, string Value)[] headers)
    {
        var url = relative.StartsWith('/') ? relative : DeliverySite.BasePath + relative;
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new DeliveryResponse(response.StatusCode, body, response.Content.Headers.ContentType?.MediaType, response.Headers);
    }

    public static async Task<JsonElement> GetJsonAsync(HttpClient client, string relative, params (string Name, string Value)[] headers)
    {
        var response = await GetAsync(client, relative, headers);
        Assert.True(response.Status == HttpStatusCode.OK, $"GET {relative}: {(int)response.Status} {response.Body}");
        return response.Json;
    }

    /// <summary>GET /content with the given query string; returns the paged list's total and items.</summary>
    public static async Task<(int Total, IReadOnlyList<JsonElement> Items)> QueryAsync(HttpClient client, string query,
        params (string Name, string Value)[] headers)
    {
        var json = await GetJsonAsync(client, "content" + (query.Length > 0 ? "?" + query : string.Empty), headers);
        return (json.GetProperty("total").GetInt32(), json.GetProperty("items").EnumerateArray().ToList());
    }

    public static Guid Id(JsonElement item) => item.GetProperty("id").GetGuid();

    public static string Name(JsonElement item) => item.GetProperty("name").GetString()!;

    public static string RoutePath(JsonElement item) => item.GetProperty("route").GetProperty("path").GetString()!;

    /// <summary>Umbraco's level: the root is 1, and each segment of the route below it adds one.</summary>
    public static int Level(JsonElement item) => RoutePath(item).Split('/', StringSplitOptions.RemoveEmptyEntries).Length + 1;

    public static DateTime Date(JsonElement item, string property) =>
        DateTime.Parse(item.GetProperty(property).GetString()!, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.RoundtripKind);

    public static IReadOnlyList<string> PropertyNames(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToList();

    public static string Escape(string value) => Uri.EscapeDataString(value);
}

/// <summary>
/// The default configuration, with an API key set (public access stays on) so preview can be asked for. One host is
/// shared by every read-only test class of the <see cref="SeededDeliveryCollection"/>.
/// </summary>
public sealed class SeededDelivery : DeliverySite
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } =
        new Dictionary<string, string?> { ["Umbraco:CMS:DeliveryApi:ApiKey"] = ApiKey };
}

[CollectionDefinition(Name)]
public sealed class SeededDeliveryCollection : ICollectionFixture<SeededDelivery>
{
    public const string Name = "Seeded Delivery API";
}

/// <summary><c>PublicAccess=false</c>: every request needs the key, media requests included.</summary>
public sealed class PrivateDelivery : DeliverySite
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Umbraco:CMS:DeliveryApi:PublicAccess"] = "false",
        ["Umbraco:CMS:DeliveryApi:ApiKey"] = ApiKey,
        ["Umbraco:CMS:DeliveryApi:Media:Enabled"] = "true",
    };
}

/// <summary>Articles are a disallowed content type.</summary>
public sealed class ArticlesDisallowedDelivery : DeliverySite
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Umbraco:CMS:DeliveryApi:DisallowedContentTypeAliases:0"] = "article",
    };
}

/// <summary>Only units are allowed; the allow list beats the disallow list, which also names units.</summary>
public sealed class UnitsAllowedDelivery : DeliverySite
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Umbraco:CMS:DeliveryApi:AllowedContentTypeAliases:0"] = "unit",
        ["Umbraco:CMS:DeliveryApi:DisallowedContentTypeAliases:0"] = "unit",
        ["Umbraco:CMS:DeliveryApi:DisallowedContentTypeAliases:1"] = "article",
    };
}

public sealed class RichTextJsonDelivery : DeliverySite
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } =
        new Dictionary<string, string?> { ["Umbraco:CMS:DeliveryApi:RichTextOutputAsJson"] = "true" };
}

public sealed class DisabledDelivery : DeliverySite
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Umbraco:CMS:DeliveryApi:Enabled"] = "false",
        ["Umbraco:CMS:DeliveryApi:Media:Enabled"] = "true",
    };
}

public sealed class MediaEnabledDelivery : DeliverySite
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } =
        new Dictionary<string, string?> { ["Umbraco:CMS:DeliveryApi:Media:Enabled"] = "true" };
}

/// <summary>The host as a developer runs it (environment Development).</summary>
public sealed class DevelopmentDelivery : DeliverySite
{
    protected override bool Development => true;
}
