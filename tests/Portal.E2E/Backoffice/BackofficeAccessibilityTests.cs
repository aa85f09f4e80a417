using Portal.E2E.TestHost;

namespace Portal.E2E.Backoffice;

/// <summary>Every backoffice screen, signed in as someone who may open it: no axe-core violation at WCAG 2.2 AA.</summary>
[Collection("Backoffice")]
public sealed class BackofficeAccessibilityTests(PortalSiteFixture site) : IClassFixture<PortalSiteFixture>
{
    public static TheoryData<string, string> Screens() => new()
    {
        { "dashboard", BackofficeUsers.UnitEditors },
        { "content-tree", BackofficeUsers.UnitEditors },
        { "content-edit", BackofficeUsers.UnitEditors },
        { "content-new", BackofficeUsers.UnitEditors },
        { "content-history", BackofficeUsers.UnitEditors },
        { "recycle-bin", BackofficeUsers.UnitEditors },
        { "directives", BackofficeUsers.ProvincialOffice },
        { "column", BackofficeUsers.Newspaper },
        { "media", BackofficeUsers.UnitEditors },
        { "media-item", BackofficeUsers.UnitEditors },
        { "forum", "homeAffairs" },
        { "forum-unit", BackofficeUsers.UnitEditors },
        { "users", BackofficeUsers.Administrators },
        { "settings", BackofficeUsers.Administrators },
    };

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task BackofficeScreen_SignedIn_HasNoAxeViolations(string screen, string group)
    {
        var (context, page) = await BackofficeUsers.SignedInAsync(site, "Kiểm tra E2E", group);
        await using var _ = context;
        var unit = site.Routes.Resolve("/don-vi/so-noi-vu/") ?? throw new InvalidOperationException("No Sở Nội vụ.");

        if (screen == "media-item")
        {
            await BackofficeUsers.OpenUploadedImageAsync(page, "Ảnh kiểm tra " + Guid.NewGuid().ToString("N")[..6]);
        }
        else
        {
            var path = screen switch
            {
                "dashboard" => "/umbraco",
                "content-tree" => "/umbraco/noi-dung",
                "content-edit" => $"/umbraco/noi-dung/{unit.Key}",
                "content-new" => $"/umbraco/noi-dung/tao-moi?cha={unit.Key}&loai=article",
                "content-history" => $"/umbraco/noi-dung/{unit.Key}/lich-su",
                "recycle-bin" => "/umbraco/noi-dung/thung-rac",
                "directives" => "/umbraco/chi-dao-dieu-hanh",
                "column" => "/umbraco/chuyen-trang-cchc",
                "media" => "/umbraco/media",
                "forum" or "forum-unit" => "/umbraco/dien-dan",
                "users" => "/umbraco/nguoi-dung",
                "settings" => "/umbraco/cai-dat",
                _ => throw new ArgumentOutOfRangeException(nameof(screen)),
            };
            var response = await page.GotoAsync(path);
            Assert.True(response!.Status == 200, $"{path}: status {response.Status}");
        }

        Assert.Equal("vi", await page.Locator("html").GetAttributeAsync("lang"));
        Axe.AssertNoViolations(await page.RunWcagAxeAsync(), $"{page.Url} ({screen}, {group})");
    }
}
