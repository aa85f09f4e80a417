using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Access;
using Portal.Core.Media;
using Portal.Core.Workflow;
using Portal.Web.Tests.Features.Media;
using Portal.Web.Tests.Features.SignIn;
using static Portal.Web.Tests.Features.Backoffice.MediaLibrary.MediaPages;
using static Portal.Web.Tests.Features.SignIn.BackofficeBrowser;

namespace Portal.Web.Tests.Features.Backoffice.MediaLibrary;

/// <summary>The media section of the backoffice as an editor uses it: real host, signed-in cookie, real files on disk.</summary>
public sealed class MediaLibraryPagesTests(MediaPagesFixture fixture) : IClassFixture<MediaPagesFixture>
{
    // Sở Nội vụ's unit page in the seed content: articles may be written below it.
    private static readonly Guid InteriorUnit = Guid.Parse("495e4338-c512-5de3-8071-32a784a7bb02");

    private const string TooLarge = "Tệp vượt quá dung lượng tối đa được phép tải lên. Giới hạn hiện tại: 0,06 MB.";

    private BackofficeSite Site => fixture.Site;

    private BackofficeBrowser Admin => fixture.Admin;

    [Fact]
    public async Task Upload_ImageWithAltText_ListedInItsFolderAndServedAtItsUrl()
    {
        var folder = await FolderAsync(Site, "Ảnh hội nghị");
        var png = SampleFiles.Png(64, 48);

        var (response, _) = await UploadAsync(Admin, folder, png, "Hội nghị tổng kết.png", "Toàn cảnh hội nghị", "Hội nghị tổng kết CCHC");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{PageOf(folder)}?thong-bao=da-tai-len", response.Headers.Location?.OriginalString);
        var (page, html) = await Admin.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var text = Text(html);
        Assert.Contains("Đã tải tệp lên thư viện.", text, StringComparison.Ordinal);
        Assert.Contains("Hội nghị tổng kết CCHC", text, StringComparison.Ordinal);
        Assert.Contains("Ảnh PNG", text, StringComparison.Ordinal);
        Assert.Contains("64 × 48 px", text, StringComparison.Ordinal);
        Assert.Matches(@"\d{2}/\d{2}/\d{4} \d{2}:\d{2}", text);
        var item = Assert.Single(await Store(Site).ChildrenAsync(folder, CancellationToken.None));
        Assert.Matches("^/media/[a-z0-9]{8}/hoi-nghi-tong-ket\\.png$", item.Url);
        Assert.Contains($"<img src=\"{item.Url}?width=64\" alt=\"\" width=\"64\" height=\"48\"", html, StringComparison.Ordinal);
        Assert.Equal(png, await Site.Factory.CreateClient().GetByteArrayAsync(new Uri(item.Url!, UriKind.Relative)));
    }

    [Fact]
    public async Task Upload_ImageWithoutAltText_MessageBesideTheFieldTypedValuesKeptAndNothingStored()
    {
        var folder = await FolderAsync(Site, "Ảnh thiếu mô tả");
        var files = StoredFileCount(Site);

        var (response, html) = await UploadAsync(Admin, folder, SampleFiles.Png(), "anh.png", altText: "  ", name: "Ảnh chưa có mô tả");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(MediaOperationStatus.AltTextRequired.ToVietnamese(), FieldError(html, "altText"));
        Assert.Contains("<a href=\"#altText\">", html, StringComparison.Ordinal);
        Assert.Equal("Ảnh chưa có mô tả", InputValue(html, "name"));
        Assert.Contains($"<option value=\"{folder}\" selected=\"selected\">", html, StringComparison.Ordinal);
        Assert.Empty(await Store(Site).ChildrenAsync(folder, CancellationToken.None));
        Assert.Equal(files, StoredFileCount(Site));
    }

    [Fact]
    public async Task Upload_ScriptRenamedJpg_ClearMessageAndNoFileNoRow()
    {
        var folder = await FolderAsync(Site, "Tệp giả ảnh");
        var files = StoredFileCount(Site);
        var script = Encoding.UTF8.GetBytes("<script>fetch('/umbraco/nguoi-dung').then(r => r.text()).then(alert)</script>");

        var (response, html) = await UploadAsync(Admin, folder, script, "anh-dep.jpg");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(MediaOperationStatus.ContentMismatch.ToVietnamese(), FieldError(html, "file"));
        Assert.Empty(await Store(Site).ChildrenAsync(folder, CancellationToken.None));
        Assert.Equal(files, StoredFileCount(Site));
    }

    [Fact]
    public async Task Upload_TruncatedPng_RefusedBesideTheFileFieldAndNothingStored()
    {
        var folder = await FolderAsync(Site, "Ảnh hỏng");
        var files = StoredFileCount(Site);
        var png = SampleFiles.Png(200, 150);

        var (response, html) = await UploadAsync(Admin, folder, png[..(png.Length / 2)], "anh-hong.png");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(FieldError(html, "file"), new[]
        {
            MediaOperationStatus.ImageDamaged.ToVietnamese(), MediaOperationStatus.ContentMismatch.ToVietnamese(),
        });
        Assert.Empty(await Store(Site).ChildrenAsync(folder, CancellationToken.None));
        Assert.Equal(files, StoredFileCount(Site));
    }

    [Fact]
    public async Task Upload_OverTheLimit_MessageWithTheLimitAndNothingStored()
    {
        var folder = await FolderAsync(Site, "Tài liệu lớn");
        var files = StoredFileCount(Site);
        var (_, form) = await Admin.GetAsync(PageOf(folder));

        var (response, html) = await UploadAsync(Admin, folder, [.. SampleFiles.Pdf(), .. new byte[MediaPagesFixture.MaxUploadBytes]], "bao-cao.pdf", "");

        Assert.Contains("tối đa 0,06 MB", Text(form), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(TooLarge, FieldError(html, "file"));
        Assert.Empty(await Store(Site).ChildrenAsync(folder, CancellationToken.None));
        Assert.Equal(files, StoredFileCount(Site));
    }

    [Fact]
    public async Task Upload_BodyAnnouncedFarOverTheLimit_VietnamesePage413()
    {
        var folder = await FolderAsync(Site, "Tệp rất lớn");

        var (response, html) = await UploadAsync(Admin, folder, new byte[2 * 1024 * 1024], "rat-lon.pdf", "");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains(TooLarge, Text(html), StringComparison.Ordinal);
        Assert.Empty(await Store(Site).ChildrenAsync(folder, CancellationToken.None));
    }

    [Fact]
    public async Task Upload_WithoutAntiForgeryToken_400PageAndNothingStored()
    {
        var folder = await FolderAsync(Site, "Không có mã chống giả mạo");

        var (response, html) = await PostFileAsync(Admin, PageOf(folder), UploadAction, SampleFiles.Png(), "anh.png",
            new Dictionary<string, string> { ["altText"] = "Ảnh", ["folder"] = folder.ToString() }, withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Biểu mẫu đã hết hạn", Text(html), StringComparison.Ordinal);
        Assert.Empty(await Store(Site).ChildrenAsync(folder, CancellationToken.None));
    }

    [Fact]
    public async Task FocalPoint_PercentagesTypedInTheInputs_StoredAsFractionsAndShownAgain()
    {
        var folder = await FolderAsync(Site, "Tiêu điểm");
        var item = await UploadedAsync(Site, Admin, folder, SampleFiles.Png(), "chan-dung.png", "Chân dung");
        var action = $"{PageOf(item.Key)}/thong-tin";

        var (response, _) = await Admin.SubmitAsync(PageOf(item.Key), action, new Dictionary<string, string>
        {
            ["version"] = item.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["name"] = "Chân dung đồng chí Giám đốc",
            ["altText"] = "Chân dung Giám đốc Sở Nội vụ",
            ["focalLeft"] = "25",
            ["focalTop"] = "62,5",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = (await Store(Site).FindAsync(item.Key, CancellationToken.None))!;
        Assert.Equal(new FocalPoint(0.25, 0.625), stored.FocalPoint);
        Assert.Equal("Chân dung đồng chí Giám đốc", stored.Name);
        Assert.Equal("Chân dung Giám đốc Sở Nội vụ", stored.AltText);
        var (_, html) = await Admin.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Đã lưu thông tin.", Text(html), StringComparison.Ordinal);
        Assert.Equal("25", InputValue(html, "focalLeft"));
        Assert.Equal("62.5", InputValue(html, "focalTop"));
        Assert.Contains("style=\"left: 25%; top: 62.5%\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FocalPoint_OutOfRange_MessageBesideTheInputAndNothingChanged()
    {
        var folder = await FolderAsync(Site, "Tiêu điểm sai");
        var item = await UploadedAsync(Site, Admin, folder, SampleFiles.Png(), "canh.png", "Phong cảnh");

        var (response, html) = await Admin.SubmitAsync(PageOf(item.Key), $"{PageOf(item.Key)}/thong-tin", new Dictionary<string, string>
        {
            ["name"] = "Phong cảnh đổi tên",
            ["altText"] = "Phong cảnh",
            ["focalLeft"] = "150",
            ["focalTop"] = "50",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Vị trí ngang của tiêu điểm phải là một số từ 0 đến 100 (phần trăm).", FieldError(html, "focalLeft"));
        Assert.Equal("150", InputValue(html, "focalLeft"));
        Assert.Equal("Phong cảnh đổi tên", InputValue(html, "name"));
        var stored = (await Store(Site).FindAsync(item.Key, CancellationToken.None))!;
        Assert.Equal(FocalPoint.Centre, stored.FocalPoint);
        Assert.Equal("Phong cảnh", stored.Name);
    }

    [Fact]
    public async Task Replace_NewPng_KeepsTheKeyAndUrlFolderAndServesTheNewFile()
    {
        var folder = await FolderAsync(Site, "Thay tệp");
        var item = await UploadedAsync(Site, Admin, folder, SampleFiles.Png(64, 48), "bieu-do.png", "Biểu đồ");
        var replacement = SampleFiles.Png(32, 40, red: 10);

        var (response, _) = await PostFileAsync(Admin, PageOf(item.Key), $"{PageOf(item.Key)}/thay-tep", replacement, "bieu-do-moi.png",
            new Dictionary<string, string> { ["version"] = item.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = (await Store(Site).FindAsync(item.Key, CancellationToken.None))!;
        Assert.Equal(item.Key, Assert.Single(await Store(Site).ChildrenAsync(folder, CancellationToken.None)).Key);
        Assert.Equal(MediaFileRules.FolderOf(item.Url), MediaFileRules.FolderOf(after.Url));
        Assert.EndsWith("/bieu-do-moi.png", after.Url, StringComparison.Ordinal);
        Assert.Equal((32, 40), (after.Width, after.Height));
        using var client = Site.Factory.CreateClient();
        Assert.Equal(replacement, await client.GetByteArrayAsync(new Uri(after.Url!, UriKind.Relative)));
        var (_, html) = await Admin.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("32 × 40 px", Text(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Usages_ArticlesPickingOrEmbeddingTheItem_ListedWithLinksToTheirEditor()
    {
        var folder = await FolderAsync(Site, "Ảnh bài viết");
        var item = await UploadedAsync(Site, Admin, folder, SampleFiles.Png(), "le-ky-ket.png", "Lễ ký kết");
        var picked = await ArticleAsync("Ký kết quy chế phối hợp", new() { ["image"] = MediaPicks.Write([new MediaPick(Guid.NewGuid(), item.Key)]) });
        var tagged = await ArticleAsync("Ảnh gắn mã trong nội dung",
            new() { ["body"] = $"<p><img src=\"/anh-cu.png\" alt=\"Lễ ký kết\" data-udi=\"umb://media/{item.Key:N}\"></p>" });
        var linked = await ArticleAsync("Ảnh dán địa chỉ trong nội dung", new() { ["body"] = $"<p><img src=\"{item.Url}?width=600\" alt=\"Lễ ký kết\"></p>" });
        var unrelated = await ArticleAsync("Bài không có ảnh", new() { ["summary"] = "Không dùng ảnh nào." });

        var (_, html) = await Admin.GetAsync(PageOf(item.Key));

        foreach (var (key, name) in new[] { (picked, "Ký kết quy chế phối hợp"), (tagged, "Ảnh gắn mã trong nội dung"), (linked, "Ảnh dán địa chỉ trong nội dung") })
        {
            Assert.Contains($"<a href=\"/umbraco/noi-dung/{key}\">{name}</a>", html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(unrelated.ToString(), html, StringComparison.Ordinal);
        Assert.Contains("Tệp đang được dùng ở 3 trang.", Text(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Folder_DeleteWhileItHoldsAFile_RefusedBesideTheButtonAndKept()
    {
        var folder = await FolderAsync(Site, "Thư mục còn tệp");
        await UploadedAsync(Site, Admin, folder, SampleFiles.Pdf(), "ke-hoach.pdf", "Kế hoạch", altText: "");

        var (response, html) = await Admin.SubmitAsync(PageOf(folder), $"{PageOf(folder)}/xoa", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(MediaOperationStatus.FolderNotEmpty.ToVietnamese(), FieldError(html, "deleteButton"));
        Assert.NotNull(await Store(Site).FindAsync(folder, CancellationToken.None));
    }

    [Fact]
    public async Task Folder_CreatedRenamedAndDeleted_FromTheFolderPages()
    {
        var parent = await FolderAsync(Site, "Thư mục cha");

        var (created, _) = await Admin.SubmitAsync(PageOf(parent), Root + "/thu-muc-moi",
            new Dictionary<string, string> { ["parent"] = parent.ToString(), ["name"] = "Văn bản chỉ đạo" });
        var child = Assert.Single(await Store(Site).ChildrenAsync(parent, CancellationToken.None));
        var (renamed, _) = await Admin.SubmitAsync(PageOf(child.Key), $"{PageOf(child.Key)}/thong-tin",
            new Dictionary<string, string> { ["name"] = "Văn bản chỉ đạo, điều hành", ["version"] = child.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var (_, childPage) = await Admin.GetAsync(PageOf(child.Key));
        var (deleted, _) = await Admin.SubmitAsync(PageOf(child.Key), $"{PageOf(child.Key)}/xoa", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Contains("<span aria-current=\"page\">Văn bản chỉ đạo, điều hành</span>", childPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal($"{PageOf(parent)}?thong-bao=da-xoa", deleted.Headers.Location?.OriginalString);
        Assert.Empty(await Store(Site).ChildrenAsync(parent, CancellationToken.None));
    }

    [Fact]
    public async Task Picker_ImagesOnly_ListsImagesWithTheirKeysAndMayBeFramedBySameOrigin()
    {
        var folder = await FolderAsync(Site, "Chọn ảnh");
        var image = await UploadedAsync(Site, Admin, folder, SampleFiles.Png(), "logo.png", "Biểu trưng tỉnh");
        await UploadedAsync(Site, Admin, folder, SampleFiles.Pdf(), "quyet-dinh.pdf", "Quyết định 457", altText: "");

        var (response, html) = await Admin.GetAsync($"{Root}/chon?truong=image&anh=1&thu-muc={folder}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"data-media-key=\"{image.Key}\" data-url=\"{image.Url}\" data-name=\"Biểu trưng tỉnh\"", html, StringComparison.Ordinal);
        Assert.Contains("data-field=\"image\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Quyết định 457", html, StringComparison.Ordinal);
        Assert.Equal("SAMEORIGIN", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task MediaSection_UserWithoutIt_Gets403Page()
    {
        const string email = "chuyenvien@snv.kontum.gov.vn";
        await BackofficeAccounts.CreatePersonAsync(Site.Services, email, "Trần Văn Nam", BackofficeSiteFixture.HomeAffairs);
        var browser = Site.OpenBrowser();
        await browser.SignInSuccessfullyAsync(email, BackofficeAccounts.Password);

        var (library, html) = await browser.GetAsync(Root);
        var (picker, _) = await browser.GetAsync(Root + "/chon?anh=1");

        Assert.Equal(HttpStatusCode.Forbidden, library.StatusCode);
        Assert.Contains("Không có quyền truy cập", Text(html), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, picker.StatusCode);
    }

    private async Task<Guid> ArticleAsync(string title, Dictionary<string, string> values)
    {
        values["title"] = title;
        var created = await Site.Services.GetRequiredService<ContentEditing>()
            .CreateAsync("article", InteriorUnit, title, values, Actor.System("kiểm thử"));
        Assert.True(created.Succeeded, $"{created.Status} {string.Join("; ", created.Errors?.Select(e => e.Message) ?? [])}");
        return created.DocumentKey!.Value;
    }
}
