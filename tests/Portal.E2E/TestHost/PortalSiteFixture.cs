using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Data.Content;
using Portal.Infrastructure.PublishedCache;

namespace Portal.E2E.TestHost;

/// <summary>
/// Class fixture: one Kestrel host of the portal and one headless Chromium, shared by the tests of a class.
/// Each test opens its own browser context (<see cref="NewPageAsync"/>), so cookies and settings never leak.
/// </summary>
public sealed class PortalSiteFixture : IAsyncLifetime
{
    private IPlaywright? playwright;
    private IBrowser? browser;

    public PortalKestrelFactory Factory { get; } = new();

    /// <summary><c>http://127.0.0.1:&lt;port&gt;/</c> of the running host.</summary>
    public Uri BaseAddress => Factory.BaseAddress;

    public IServiceProvider Services => Factory.Services;

    /// <summary>The host's live route tree: <c>Resolve</c>, <c>ChildrenOf</c>, <c>UrlOf</c>.</summary>
    public PublishedRouteTree Routes => Services.GetRequiredService<PublishedRouteTree>();

    public IBrowser Browser => browser ?? throw new InvalidOperationException("The fixture is not initialised.");

    public async Task InitializeAsync()
    {
        // Web-first assertions (Expect) wait 5 s by default: as little patience as the 30 s navigations had under CI load.
        Assertions.SetDefaultExpectTimeout(Patience);
        // Kestrel start seeds the site; start the browser at the same time.
        var host = Task.Run(Factory.Start);
        try
        {
            playwright = await Playwright.CreateAsync();
            browser = await Chromium.LaunchAsync(playwright);
        }
        finally
        {
            // Never leave the host half-started behind a failed launch (DisposeAsync stops it).
            await host;
        }

        // The first page a host renders pays for JIT and view activation; on a busy 2-core CI machine that alone can
        // exceed a browser navigation's 30 s, so the fixture pays it here with a patient client instead.
        using var warm = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(3) };
        foreach (var path in new[] { "/", "/khong-co-trang-nay/" })
        {
            using var _ = await warm.GetAsync(new Uri(path, UriKind.Relative));
        }
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        await Factory.DisposeAsync();
    }

    /// <summary>
    /// How long a browser step may wait (ms). CI runs the four test projects at once on two cores, so a form post can wait
    /// for the CPU well past Playwright's 30 s (two runs each failed one step after a form post at 60 s).
    /// </summary>
    public const float Patience = 150_000;

    /// <summary>A page in a fresh context whose relative URLs resolve against the host; dispose the context after use.</summary>
    public async Task<(IBrowserContext Context, IPage Page)> NewPageAsync(int width = 1280, int height = 800, bool javaScriptEnabled = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            JavaScriptEnabled = javaScriptEnabled,
            Locale = "vi-VN",
        });
        context.SetDefaultTimeout(Patience);
        context.SetDefaultNavigationTimeout(Patience);
        var page = await context.NewPageAsync();
        return (context, page);
    }

    /// <summary>The URL of the first live document of <paramref name="contentTypeAlias"/> below <paramref name="parentPath"/>.</summary>
    public string FirstUrlBelow(string parentPath, string contentTypeAlias)
    {
        var parent = Routes.Resolve(parentPath) ?? throw new InvalidOperationException($"No live page at {parentPath}.");
        // Breadth first, in sort order: a direct child wins over a grandchild.
        var pending = new Queue<PublishedNode>(Routes.ChildrenOf(parent.Key));
        while (pending.TryDequeue(out var node))
        {
            if (node.ContentTypeAlias == contentTypeAlias && Routes.UrlOf(node.Key) is { } url)
            {
                return url;
            }

            foreach (var child in Routes.ChildrenOf(node.Key))
            {
                pending.Enqueue(child);
            }
        }

        throw new InvalidOperationException($"No live '{contentTypeAlias}' below {parentPath}.");
    }
}
