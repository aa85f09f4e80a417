using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Schema;
using Portal.Web.Tests.TestHost;

namespace Portal.Web.Tests.Features.Management;

/// <summary>
/// The real host (SQLite, Production unless asked otherwise) with one Management API client per requested group alias,
/// configured as an operator would under <c>Portal:ApiClients</c>. An <c>administrators</c> client is always there, so
/// tests can arrange content through the API itself. Each site owns its data folder and deletes it when disposed.
/// </summary>
public sealed class ManagementSite : IAsyncDisposable
{
    public const string ApiPath = "/umbraco/management/api/v1";
    public const string TokenPath = ApiPath + "/security/back-office/token";
    public const string Administrators = "administrators";

    private readonly Dictionary<string, HttpClient> clients = new(StringComparer.Ordinal);
    private readonly List<HttpClient> issued = [];
    private readonly bool development;
    private Dictionary<string, string?> settings;
    private WebApplicationFactory<Program> factory;

    private ManagementSite(string dataDirectory, IReadOnlyList<string> groupAliases, Dictionary<string, string?> settings, bool development)
    {
        DataDirectory = dataDirectory;
        GroupAliases = groupAliases;
        this.settings = settings;
        this.development = development;
        factory = CreateFactory();
        Anonymous = null!;
    }

    public string DataDirectory { get; }

    /// <summary>The groups that have an API client, administrators first.</summary>
    public IReadOnlyList<string> GroupAliases { get; }

    /// <summary>A client without a token.</summary>
    public HttpClient Anonymous { get; private set; }

    public IServiceProvider Services => factory.Services;

    /// <summary>Starts a Production host with an API client for each group alias (and for administrators).</summary>
    public static Task<ManagementSite> StartAsync(params string[] groupAliases) =>
        StartAsync(groupAliases, new Dictionary<string, string?>());

    /// <param name="settings">Extra configuration, applied after the API clients (so it may override them).</param>
    /// <param name="development">Start in the Development environment (OpenAPI description and similar).</param>
    public static async Task<ManagementSite> StartAsync(IReadOnlyCollection<string> groupAliases, IReadOnlyDictionary<string, string?> settings,
        bool development = false)
    {
        var aliases = new[] { Administrators }.Concat(groupAliases).Distinct(StringComparer.Ordinal).ToList();
        var all = ApiClientSettings(aliases);
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        var site = new ManagementSite(TestServices.NewDataDirectory(), aliases, all, development);
        try
        {
            // Starting the host here surfaces a start-up failure in the test that asked for it.
            site.Anonymous = site.NewClient();
            using var health = await site.Anonymous.GetAsync(new Uri("/healthz", UriKind.Relative));
            return site;
        }
        catch
        {
            await site.DisposeAsync();
            throw;
        }
    }

    /// <summary>The client id the site configures for a group: Umbraco requires the <c>umbraco-back-office-</c> prefix.</summary>
    public static string ClientIdOf(string groupAlias) => "umbraco-back-office-test-" + groupAlias;

    public static string SecretOf(string groupAlias) => "bí-mật-" + groupAlias + "-0123456789";

    /// <summary><c>Portal:ApiClients:{n}:*</c> for the given groups, one client per group, in order.</summary>
    public static Dictionary<string, string?> ApiClientSettings(IReadOnlyList<string> groupAliases)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < groupAliases.Count; i++)
        {
            settings[$"Portal:ApiClients:{i}:ClientId"] = ClientIdOf(groupAliases[i]);
            settings[$"Portal:ApiClients:{i}:ClientSecret"] = SecretOf(groupAliases[i]);
            settings[$"Portal:ApiClients:{i}:UserGroup"] = groupAliases[i];
        }

        return settings;
    }

    /// <summary>An HTTP client carrying a bearer token of the group's API user, fetched from the token endpoint once per host start.</summary>
    public async Task<HttpClient> ClientForAsync(string groupAlias)
    {
        if (clients.TryGetValue(groupAlias, out var known))
        {
            return known;
        }

        var token = await TokenAsync(ClientIdOf(groupAlias), SecretOf(groupAlias));
        var client = NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        clients[groupAlias] = client;
        return client;
    }

    /// <summary>Asks the token endpoint for a token with client credentials; the raw answer, for tests of the endpoint itself.</summary>
    public Task<HttpResponseMessage> RequestTokenAsync(string clientId, string clientSecret) =>
        Anonymous.PostAsync(new Uri(TokenPath, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
        }));

    public async Task<string> TokenAsync(string clientId, string clientSecret)
    {
        using var response = await RequestTokenAsync(clientId, clientSecret);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"token for {clientId}: {(int)response.StatusCode} {body}");
        return JsonSerializer.Deserialize<JsonElement>(body).GetProperty("access_token").GetString()!;
    }

    /// <summary>
    /// Creates a document as administrator through <c>POST /document</c> and returns its id. Values are written as
    /// the API takes them: strings for plain editors, objects or arrays for structured ones.
    /// </summary>
    public async Task<Guid> CreateDocumentAsync(Guid? parentKey, string name, string contentTypeAlias = "page",
        IReadOnlyDictionary<string, object?>? values = null)
    {
        var admin = await ClientForAsync(Administrators);
        var body = new
        {
            parent = parentKey is { } p ? new { id = p } : null,
            documentType = new { id = ContentTypeKeyOf(contentTypeAlias) },
            template = (object?)null,
            values = (values ?? new Dictionary<string, object?> { ["title"] = name })
                .Select(v => new { alias = v.Key, culture = (string?)null, segment = (string?)null, value = v.Value }),
            variants = new[] { new { culture = (string?)null, segment = (string?)null, name } },
        };
        using var response = await admin.PostAsJsonAsync(new Uri(ApiPath + "/document", UriKind.Relative), body);
        Assert.True(response.StatusCode == HttpStatusCode.Created,
            $"POST /document «{name}»: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return Guid.Parse(response.Headers.GetValues("Umb-Generated-Resource").Single());
    }

    /// <summary>Publishes the document now, as administrator.</summary>
    public async Task PublishAsync(Guid key)
    {
        var admin = await ClientForAsync(Administrators);
        using var response = await admin.PutAsJsonAsync(new Uri($"{ApiPath}/document/{key}/publish", UriKind.Relative),
            new { publishSchedules = new[] { new { culture = (string?)null, schedule = (object?)null } } });
        Assert.True(response.StatusCode == HttpStatusCode.OK,
            $"PUT /document/{key}/publish: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Creates and publishes a document as administrator (a page by default, titled with its name).</summary>
    public async Task<Guid> CreatePublishedAsync(Guid? parentKey, string name, string contentTypeAlias = "page",
        IReadOnlyDictionary<string, object?>? values = null)
    {
        var key = await CreateDocumentAsync(parentKey, name, contentTypeAlias, values);
        await PublishAsync(key);
        return key;
    }

    /// <summary><c>GET /document/{id}</c> as administrator.</summary>
    public async Task<JsonElement> GetDocumentAsync(Guid key)
    {
        var admin = await ClientForAsync(Administrators);
        using var response = await admin.GetAsync(new Uri($"{ApiPath}/document/{key}", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET /document/{key}: {(int)response.StatusCode} {body}");
        return JsonSerializer.Deserialize<JsonElement>(body);
    }

    /// <summary>The document type id (uSync key) of a content type alias.</summary>
    public Guid ContentTypeKeyOf(string alias) =>
        Services.GetRequiredService<ISchemaCatalog>()
            .FindContentType(alias)?.Key ?? throw new InvalidOperationException($"No content type {alias}.");

    /// <summary>
    /// Stops the host and starts it again on the same data with changed configuration (null removes a key); tokens
    /// fetched before stay valid, but <see cref="ClientForAsync"/> fetches new ones.
    /// </summary>
    public async Task RestartAsync(IReadOnlyDictionary<string, string?> changes)
    {
        await StopAsync();
        settings = new Dictionary<string, string?>(settings, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in changes)
        {
            settings[key] = value;
        }

        factory = CreateFactory();
        Anonymous = NewClient();
        using var health = await Anonymous.GetAsync(new Uri("/healthz", UriKind.Relative));
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        TestServices.DeleteQuietly(DataDirectory);
    }

    private async Task StopAsync()
    {
        foreach (var client in issued)
        {
            client.Dispose();
        }

        issued.Clear();
        clients.Clear();
        await factory.DisposeAsync();
    }

    private WebApplicationFactory<Program> CreateFactory()
    {
        var effective = settings.Where(s => s.Value is not null).ToDictionary(s => s.Key, s => s.Value);
        return development ? new DevelopmentPortalFactory(DataDirectory, effective) : new PortalFactory(DataDirectory, effective);
    }

    private HttpClient NewClient()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        issued.Add(client);
        return client;
    }
}

/// <summary>
/// One site shared by the tests of a class (<c>IClassFixture</c>), with API clients for the seeded fixed groups and
/// Sở Nội vụ's two unit groups. Tests sharing it create their own documents and never rely on each other's.
/// </summary>
public class ManagementSiteFixture : IAsyncLifetime
{
    public const string UnitEditors = "unit-so-noi-vu-editors";
    public const string UnitApprovers = "unit-so-noi-vu-approvers";

    public ManagementSite Site { get; private set; } = null!;

    protected virtual IReadOnlyList<string> Groups { get; } =
        ["provincialOffice", "newspaper", "homeAffairs", "procedures", UnitEditors, UnitApprovers];

    protected virtual bool Development => false;

    public async Task InitializeAsync() =>
        Site = await ManagementSite.StartAsync(Groups, new Dictionary<string, string?>(), Development);

    public async Task DisposeAsync() => await Site.DisposeAsync();
}

/// <summary>Requests and readers shared by the Management API tests.</summary>
internal static class ManagementHttp
{
    public static Uri Url(string relative) => new(relative.StartsWith('/') ? relative : ManagementSite.ApiPath + "/" + relative, UriKind.Relative);

    public static async Task<JsonElement> GetJsonAsync(HttpClient client, string relative)
    {
        using var response = await client.GetAsync(Url(relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {relative}: {(int)response.StatusCode} {body}");
        return JsonSerializer.Deserialize<JsonElement>(body);
    }

    public static async Task<HttpResponseMessage> PutJsonAsync(HttpClient client, string relative, object? body) =>
        await client.PutAsJsonAsync(Url(relative), body);

    public static async Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string relative, object? body) =>
        await client.PostAsJsonAsync(Url(relative), body);

    /// <summary>The ProblemDetails of a failed answer, after checking its status.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonSerializer.Deserialize<JsonElement>(body);
    }

    public static async Task AssertOkAsync(HttpResponseMessage response, string what)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{what}: {(int)response.StatusCode} {body}");
    }

    public static IReadOnlyList<string> PropertyNames(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToList();
}
