namespace Portal.Web.Tests.TestHost;

/// <summary>
/// Base for tests that change content: xunit makes a new instance per test, so each test gets its own
/// seeded host and data folder and cannot see another test's publishes.
/// </summary>
public abstract class FreshSiteTests : IAsyncLifetime
{
    private readonly string folder = TestServices.NewDataDirectory();

    private protected PortalFactory Factory { get; private set; } = null!;

    protected HttpClient Client { get; private set; } = null!;

    /// <summary>Configuration the host starts with, on top of its own data folder.</summary>
    private protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    public Task InitializeAsync()
    {
        Factory = new PortalFactory(folder, Settings);
        Client = Factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        TestServices.DeleteQuietly(folder);
    }
}
