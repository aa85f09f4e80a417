using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Portal.Web.Tests.Features.Management;
using Portal.Web.Tests.TestHost;

namespace Portal.Web.Tests.Features.SignIn;

/// <summary>
/// The real host with a known administrator, API clients for the given groups (as <see cref="ManagementSite"/> configures
/// them) and as many browsers as a test needs, each with its own cookies.
/// </summary>
internal sealed class BackofficeSite : IAsyncDisposable
{
    private readonly Dictionary<string, HttpClient> api = new(StringComparer.Ordinal);
    private readonly List<IDisposable> issued = [];

    private BackofficeSite(PortalFactory factory) => Factory = factory;

    public PortalFactory Factory { get; }

    public IServiceProvider Services => Factory.Services;

    /// <param name="apiGroups">Groups that get an API client; administrators always has one.</param>
    /// <param name="extra">Settings on top of <see cref="BackofficeAccounts.Settings"/>.</param>
    public static async Task<BackofficeSite> StartAsync(IReadOnlyList<string> apiGroups, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var aliases = new[] { ManagementSite.Administrators }.Concat(apiGroups).Distinct(StringComparer.Ordinal).ToList();
        var settings = ManagementSite.ApiClientSettings(aliases);
        settings["Portal:Security:SignInAttemptsPerMinute"] = "1000";
        foreach (var (key, value) in BackofficeAccounts.Settings(extra))
        {
            settings[key] = value;
        }

        var site = new BackofficeSite(new PortalFactory(TestServices.NewDataDirectory(), settings));
        using var health = await site.Factory.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative));
        return site;
    }

    public BackofficeBrowser OpenBrowser()
    {
        var browser = BackofficeBrowser.Open(Factory);
        issued.Add(browser);
        return browser;
    }

    /// <summary>A client with a bearer token of the group's API user.</summary>
    public async Task<HttpClient> ApiAsync(string groupAlias)
    {
        if (api.TryGetValue(groupAlias, out var known))
        {
            return known;
        }

        var client = Factory.CreateClient();
        issued.Add(client);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = ManagementSite.ClientIdOf(groupAlias),
            ["client_secret"] = ManagementSite.SecretOf(groupAlias),
        });
        using var response = await client.PostAsync(new Uri(ManagementSite.TokenPath, UriKind.Relative), form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"token for {groupAlias}: {(int)response.StatusCode} {body}");
        var token = JsonSerializer.Deserialize<JsonElement>(body).GetProperty("access_token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        api[groupAlias] = client;
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in issued)
        {
            client.Dispose();
        }

        var folder = Factory.DataDirectory;
        await Factory.DisposeAsync();
        TestServices.DeleteQuietly(folder);
    }
}

/// <summary>One <see cref="BackofficeSite"/> shared by the tests of a class; each test arranges its own accounts.</summary>
public sealed class BackofficeSiteFixture : IAsyncLifetime
{
    public const string HomeAffairs = "homeAffairs";
    public const string UnitEditors = ManagementSiteFixture.UnitEditors;

    internal BackofficeSite Site { get; private set; } = null!;

    public async Task InitializeAsync() => Site = await BackofficeSite.StartAsync([HomeAffairs, BackofficeAccounts.Newspaper, UnitEditors]);

    public async Task DisposeAsync() => await Site.DisposeAsync();
}
