using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Data.Access;
using Portal.Data.Users;
using Portal.E2E.TestHost;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Portal.E2E.Backoffice;

/// <summary>People a test arranges for itself (Identity + group store, as the host does), and signing them in through the browser.</summary>
internal static partial class BackofficeUsers
{
    public const string Password = "Bien-tap#2026-KonTum";
    public const string UnitEditors = "unit-so-noi-vu-editors";
    public const string UnitApprovers = "unit-so-noi-vu-approvers";
    public const string ProvincialOffice = "provincialOffice";
    public const string Newspaper = "newspaper";
    public const string Administrators = "administrators";

    /// <summary>A new person in the given groups; returns the e-mail to sign in with.</summary>
    public static async Task<string> CreateAsync(IServiceProvider services, string displayName, params string[] groupAliases)
    {
        var email = $"e2e-{Guid.NewGuid():N}@snv.kontum.gov.vn";
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<BackofficeUser>>();
        var user = new BackofficeUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            CreatedAt = DateTime.UtcNow,
            LockoutEnabled = true,
        };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        var store = scope.ServiceProvider.GetRequiredService<UserGroupStore>();
        var groups = await store.AllAsync(CancellationToken.None);
        await store.SetGroupsAsync(user.Id, groupAliases.Select(a => groups.Single(g => g.Alias == a).Key).ToList(), CancellationToken.None);
        return email;
    }

    /// <summary>The identity key of the person signing in with <paramref name="email"/>.</summary>
    public static async Task<Guid> IdOfAsync(IServiceProvider services, string email)
    {
        await using var scope = services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<BackofficeUser>>().FindByEmailAsync(email);
        return user?.Id ?? throw new InvalidOperationException($"No user {email}.");
    }

    /// <summary>A fresh browser context signed in as a new person in <paramref name="groupAliases"/>, on the dashboard.</summary>
    public static async Task<(IBrowserContext Context, IPage Page)> SignedInAsync(PortalSiteFixture site, string displayName, params string[] groupAliases)
    {
        var email = await CreateAsync(site.Services, displayName, groupAliases);
        var (context, page) = await site.NewPageAsync();
        await page.GotoAsync("/umbraco/dang-nhap", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(Password);
        await page.Locator("form:has(#password) button[type=submit]").First.ClickAsync();
        await page.WaitForURLAsync(DashboardUrl(), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        return (context, page);
    }

    /// <summary>The key in an edit URL <c>/umbraco/noi-dung/{key}</c>.</summary>
    public static Guid KeyIn(string url) => Guid.Parse(EditUrl().Match(url).Groups[1].Value);

    /// <summary>A small PNG: four coloured quadrants.</summary>
    public static byte[] QuadrantsPng(int width = 400, int height = 300)
    {
        using var image = new Image<Rgba32>(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var left = x < width / 2;
                var top = y < height / 2;
                image[x, y] = top ? (left ? new Rgba32(220, 20, 20) : new Rgba32(20, 200, 20)) : (left ? new Rgba32(20, 20, 220) : new Rgba32(240, 230, 20));
            }
        }

        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        return stream.ToArray();
    }

    /// <summary>Uploads a PNG named <paramref name="name"/> through <c>/umbraco/media</c> and opens its item page.</summary>
    public static async Task OpenUploadedImageAsync(IPage page, string name)
    {
        await page.GotoAsync("/umbraco/media");
        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "anh-thu.png", MimeType = "image/png", Buffer = QuadrantsPng() });
        await page.Locator("#altText").FillAsync("Bốn ô màu đỏ, xanh lá, xanh dương và vàng");
        await page.Locator("#name").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tải lên", Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync();
        if (!await page.Locator("#focalLeft").IsVisibleAsync())
        {
            await page.GotoAsync("/umbraco/media");
            await page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
            await page.WaitForLoadStateAsync();
        }

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(name);
    }

    [GeneratedRegex(@"/umbraco/?$")]
    private static partial Regex DashboardUrl();

    [GeneratedRegex(@"/umbraco/noi-dung/([0-9a-fA-F-]{36})")]
    private static partial Regex EditUrl();
}
