using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Data.Access;
using Portal.E2E.TestHost;

namespace Portal.E2E.Backoffice;

/// <summary>Every backoffice screen, signed in as someone who may open it: no axe-core violation at WCAG 2.2 AA.</summary>
[Collection("Backoffice")]
public sealed class BackofficeAccessibilityTests(PortalSiteFixture site) : IClassFixture<PortalSiteFixture>
{
    private const string HomeAffairs = "homeAffairs";
    private const string Procedures = "procedures";

    public static TheoryData<string, string> Screens() => new()
    {
        { "dashboard", BackofficeUsers.UnitEditors },
        { "content-tree", BackofficeUsers.UnitEditors },
        { "content-edit", BackofficeUsers.UnitEditors },
        { "content-new", BackofficeUsers.UnitEditors },
        { "legal-document-edit", BackofficeUsers.Administrators },
        { "content-history", BackofficeUsers.UnitEditors },
        { "content-compare", BackofficeUsers.UnitEditors },
        { "content-move", BackofficeUsers.Administrators },
        { "content-sort", BackofficeUsers.Newspaper },
        { "content-search", HomeAffairs },
        { "recycle-bin", BackofficeUsers.UnitEditors },
        { "directives", BackofficeUsers.ProvincialOffice },
        { "column", BackofficeUsers.Newspaper },
        { "media", BackofficeUsers.UnitEditors },
        { "media-item", BackofficeUsers.UnitEditors },
        { "media-picker", BackofficeUsers.UnitEditors },
        { "forum", HomeAffairs },
        { "forum-unit", BackofficeUsers.UnitEditors },
        { "users", BackofficeUsers.Administrators },
        { "user-edit", BackofficeUsers.Administrators },
        { "group-edit", BackofficeUsers.Administrators },
        { "api-users", BackofficeUsers.Administrators },
        { "api-user-new", BackofficeUsers.Administrators },
        { "denied", BackofficeUsers.UnitEditors },
        { "settings", BackofficeUsers.Administrators },
        { "content-type", BackofficeUsers.Administrators },
        { "webhooks", BackofficeUsers.Administrators },
        { "webhook-new", BackofficeUsers.Administrators },
        { "reports", HomeAffairs },
        { "reports-output", HomeAffairs },
        { "reports-yearly", HomeAffairs },
        { "index-results", HomeAffairs },
        { "training", HomeAffairs },
        { "training-course", HomeAffairs },
        { "procedures", Procedures },
    };

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task BackofficeScreen_SignedIn_HasNoAxeViolations(string screen, string group)
    {
        var (context, page) = await BackofficeUsers.SignedInAsync(site, "Kiểm tra E2E", group);
        await using var _ = context;

        if (screen == "media-item")
        {
            await BackofficeUsers.OpenUploadedImageAsync(page, "Ảnh kiểm tra " + Guid.NewGuid().ToString("N")[..6]);
        }
        else
        {
            var path = await PathAsync(screen, page);
            // A unit editor is refused the users section: the 403 page is a screen people see too.
            var expected = screen == "denied" ? 403 : 200;
            var response = await page.GotoAsync(path);
            Assert.True(response!.Status == expected, $"{path}: status {response.Status}, expected {expected}");
        }

        Assert.Equal("vi", await page.Locator("html").GetAttributeAsync("lang"));
        Axe.AssertNoViolations(await page.RunWcagAxeAsync(), $"{page.Url} ({screen}, {group})");
    }

    /// <summary>The screen's URL, after arranging what it shows (a second edition, an uploaded image, a user).</summary>
    private async Task<string> PathAsync(string screen, IPage page)
    {
        var unit = site.Routes.Resolve("/don-vi/so-noi-vu/") ?? throw new InvalidOperationException("No Sở Nội vụ.");
        return screen switch
        {
            "dashboard" => "/umbraco",
            "content-tree" => "/umbraco/noi-dung",
            "content-edit" => $"/umbraco/noi-dung/{unit.Key}",
            "content-new" => $"/umbraco/noi-dung/tao-moi?cha={unit.Key}&loai=article",
            // Its editor has the upload field: a file input beside the address box.
            "legal-document-edit" => $"/umbraco/noi-dung/{LiveKey("legalDocument")}",
            "content-history" => $"/umbraco/noi-dung/{unit.Key}/lich-su",
            "content-compare" => await CompareAsync(page, unit.Key),
            "content-move" => $"/umbraco/noi-dung/{LiveKey("article")}/di-chuyen",
            "content-sort" => $"/umbraco/noi-dung/{LiveKey("column")}/sap-xep",
            "content-search" => "/umbraco/noi-dung/tim-kiem?q=" + Uri.EscapeDataString("cải cách hành chính"),
            "recycle-bin" => "/umbraco/noi-dung/thung-rac",
            "directives" => "/umbraco/chi-dao-dieu-hanh",
            "column" => "/umbraco/chuyen-trang-cchc",
            "media" => "/umbraco/media",
            "media-picker" => await PickerAsync(page),
            "forum" or "forum-unit" => "/umbraco/dien-dan",
            "users" or "denied" => "/umbraco/nguoi-dung",
            "user-edit" => $"/umbraco/nguoi-dung/{await SomeoneAsync()}",
            "group-edit" => $"/umbraco/nguoi-dung/nhom/{await GroupKeyAsync(BackofficeUsers.UnitEditors)}",
            "api-users" => "/umbraco/nguoi-dung/api",
            "api-user-new" => "/umbraco/nguoi-dung/api/tao-moi",
            "settings" => "/umbraco/cai-dat",
            "content-type" => "/umbraco/cai-dat/loai-noi-dung/article",
            "webhooks" => "/umbraco/cai-dat/webhook",
            "webhook-new" => "/umbraco/cai-dat/webhook/tao-moi",
            "reports" => "/umbraco/bao-cao",
            "reports-output" => "/umbraco/bao-cao/tin-bai",
            "reports-yearly" => "/umbraco/bao-cao/nam",
            "index-results" => "/umbraco/bao-cao/chi-so",
            "training" => "/umbraco/tap-huan",
            "training-course" => $"/umbraco/tap-huan/{LiveKey("trainingCourse")}",
            "procedures" => "/umbraco/thu-tuc-hanh-chinh",
            _ => throw new ArgumentOutOfRangeException(nameof(screen)),
        };
    }

    /// <summary>Saves a draft of the unit page, so the comparison has two different editions: the published one and the draft.</summary>
    private static async Task<string> CompareAsync(IPage page, Guid key)
    {
        await page.GotoAsync($"/umbraco/noi-dung/{key}");
        var name = page.Locator("#ten");
        await name.FillAsync(await name.InputValueAsync() + " (bản nháp)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu bản nháp", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("thong-bao=da-luu"));
        await page.GotoAsync($"/umbraco/noi-dung/{key}/lich-su");
        var numbers = (await page.Locator("input[name=a]").EvaluateAllAsync<string[]>("els => els.map(e => e.value)")).Select(int.Parse).ToList();
        Assert.True(numbers.Count >= 2, $"the draft made no second edition: {string.Join(", ", numbers)}");
        return $"/umbraco/noi-dung/{key}/so-sanh?a={numbers.Min()}&b={numbers.Max()}";
    }

    /// <summary>The picker as the editor's "Chọn từ thư viện Media" opens it, with one uploaded image to choose.</summary>
    private static async Task<string> PickerAsync(IPage page)
    {
        await BackofficeUsers.OpenUploadedImageAsync(page, "Ảnh để chọn " + Guid.NewGuid().ToString("N")[..6]);
        return "/umbraco/media/chon?truong=image&anh=1";
    }

    private Guid LiveKey(string contentTypeAlias) =>
        site.Routes.Reachable().First(r => r.Node.ContentTypeAlias == contentTypeAlias).Node.Key;

    /// <summary>Another person, in a unit's editors, for the administrator to open.</summary>
    private async Task<Guid> SomeoneAsync() =>
        await BackofficeUsers.IdOfAsync(site.Services, await BackofficeUsers.CreateAsync(site.Services, "Người được sửa E2E", BackofficeUsers.UnitEditors));

    private async Task<Guid> GroupKeyAsync(string alias)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var groups = await scope.ServiceProvider.GetRequiredService<UserGroupStore>().AllAsync(CancellationToken.None);
        return groups.Single(g => g.Alias == alias).Key;
    }
}
