using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Web.Tests.Features.Management;
using static Portal.Web.Tests.Features.Management.ManagementHttp;
using static Portal.Web.Tests.Features.Media.MediaHttp;

namespace Portal.Web.Tests.Features.Media;

/// <summary>The media library through the Management API, and its files at their URLs, on a real host with real files.</summary>
public sealed class MediaApiTests(MediaSiteFixture fixture) : IClassFixture<MediaSiteFixture>
{
    private readonly ManagementSite site = fixture.Site;

    private Task<HttpClient> EditorsAsync() => site.ClientForAsync(MediaSiteFixture.UnitEditors);

    [Fact]
    public async Task Upload_GeneratedPng_Answers201WithLocationAndGeneratedResource()
    {
        var editors = await EditorsAsync();

        using var response = await UploadAsync(editors, SampleFiles.Png(), "Ảnh hội nghị.png", altText: "Toàn cảnh hội nghị");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = Guid.Parse(response.Headers.GetValues("Umb-Generated-Resource").Single());
        Assert.Equal($"/umbraco/management/api/v1/media/{id}", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Get_UploadedPng_HasUmbracoMediaShape()
    {
        var editors = await EditorsAsync();
        var png = SampleFiles.Png(64, 48);
        var id = await UploadedAsync(editors, png, "Ảnh hội nghị.png", altText: "Toàn cảnh hội nghị", name: "Hội nghị CCHC");

        var item = await GetJsonAsync(editors, $"media/{id}");

        Assert.Equal(["id", "mediaType", "values", "variants", "urls", "isTrashed"], PropertyNames(item));
        Assert.Equal(id, item.GetProperty("id").GetGuid());
        Assert.False(item.GetProperty("isTrashed").GetBoolean());
        var type = item.GetProperty("mediaType");
        Assert.Equal(Guid.Parse("cc07b313-0843-4aa8-bbda-871c8da728c8"), type.GetProperty("id").GetGuid());
        Assert.Equal("Image", type.GetProperty("alias").GetString());
        Assert.Equal(["umbracoFile", "umbracoWidth", "umbracoHeight", "umbracoBytes", "umbracoExtension", "altText"],
            item.GetProperty("values").EnumerateArray().Select(v => v.GetProperty("alias").GetString()));
        var file = Value(item, "umbracoFile");
        Assert.Matches("^/media/[a-z0-9]{8}/anh-hoi-nghi\\.png$", file.GetProperty("src").GetString());
        Assert.Equal(0.5, file.GetProperty("focalPoint").GetProperty("left").GetDouble());
        Assert.Equal(0.5, file.GetProperty("focalPoint").GetProperty("top").GetDouble());
        Assert.Equal(64, Value(item, "umbracoWidth").GetInt32());
        Assert.Equal(48, Value(item, "umbracoHeight").GetInt32());
        Assert.Equal(png.Length, Value(item, "umbracoBytes").GetInt64());
        Assert.Equal("png", Value(item, "umbracoExtension").GetString());
        Assert.Equal("Toàn cảnh hội nghị", Value(item, "altText").GetString());
        var variant = Assert.Single(item.GetProperty("variants").EnumerateArray());
        Assert.Equal("Hội nghị CCHC", variant.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.String, variant.GetProperty("createDate").ValueKind);
        Assert.Equal(file.GetProperty("src").GetString(), item.GetProperty("urls")[0].GetProperty("url").GetString());
    }

    [Fact]
    public async Task File_UploadedPng_IsServedAtItsUrlWithItsBytesAndHeaders()
    {
        var editors = await EditorsAsync();
        var png = SampleFiles.Png(32, 32, red: 77);
        var url = await UrlOfAsync(editors, await UploadedAsync(editors, png, "logo.png"));

        using var response = await site.Anonymous.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(png, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("public, max-age=604800", response.Headers.CacheControl?.ToString());
        Assert.Null(response.Content.Headers.ContentDisposition);
    }

    [Fact]
    public async Task File_UploadedPdf_IsServedAsAnAttachment()
    {
        var editors = await EditorsAsync();
        var pdf = SampleFiles.Pdf();
        var url = await UrlOfAsync(editors, await UploadedAsync(editors, pdf, "Kế hoạch 457.pdf", altText: null));

        using var response = await site.Anonymous.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(pdf, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("ke-hoach-457.pdf", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
    }

    [Fact]
    public async Task Upload_ImageWithoutAltText_Answers400WithTheVietnameseMessage()
    {
        var editors = await EditorsAsync();

        using var response = await UploadAsync(editors, SampleFiles.Png(), "anh.png", altText: null);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("AltTextRequired", problem.GetProperty("title").GetString());
        Assert.Equal("Ảnh phải có văn bản thay thế (mô tả nội dung ảnh cho người khiếm thị) theo Thông tư 26/2020/TT-BTTTT.",
            problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Upload_TextFileNamedPng_Answers400ContentMismatch()
    {
        var editors = await EditorsAsync();

        using var response = await UploadAsync(editors, SampleFiles.Text(), "anh.png");

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("ContentMismatch", problem.GetProperty("title").GetString());
        Assert.StartsWith("Nội dung tệp không khớp", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_Svg_Answers400ExtensionNotAllowed()
    {
        var editors = await EditorsAsync();

        using var response = await UploadAsync(editors,
            SampleFiles.Text("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"), "logo.svg");

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("ExtensionNotAllowed", problem.GetProperty("title").GetString());
        Assert.StartsWith("Loại tệp này không được phép tải lên.", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_FileOverTheLimit_Answers413()
    {
        var editors = await EditorsAsync();

        using var response = await UploadAsync(editors, [.. SampleFiles.Pdf(), .. new byte[MediaSiteFixture.MaxUploadBytes]], "lon.pdf", altText: null);

        var problem = await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("Tệp vượt quá dung lượng tối đa được phép tải lên. Giới hạn hiện tại: 0,06 MB.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Upload_BodyAnnouncedFarOverTheLimit_Answers413BeforeReadingIt()
    {
        var editors = await EditorsAsync();

        using var response = await UploadAsync(editors, new byte[2 * 1024 * 1024], "rat-lon.pdf", altText: null);

        await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Upload_BadFocalPoint_Answers400()
    {
        var editors = await EditorsAsync();

        using var response = await UploadAsync(editors, SampleFiles.Png(), "anh.png", focalPoint: "giữa");

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("InvalidFocalPoint", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Upload_WithFocalPointIntoAFolder_IsStoredThere()
    {
        var editors = await EditorsAsync();
        var folder = await FolderAsync(editors, "Ảnh lãnh đạo");

        using var response = await UploadAsync(editors, SampleFiles.Png(), "chan-dung.png", parentId: folder, focalPoint: "0.3,0.2");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = Guid.Parse(response.Headers.GetValues("Umb-Generated-Resource").Single());
        var file = Value(await GetJsonAsync(editors, $"media/{id}"), "umbracoFile");
        Assert.Equal(0.3, file.GetProperty("focalPoint").GetProperty("left").GetDouble());
        var children = await GetJsonAsync(editors, $"tree/media/children?parentId={folder}");
        Assert.Equal(id, Assert.Single(children.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Replace_SameFileName_KeepsTheUrlAndServesTheNewBytes()
    {
        var editors = await EditorsAsync();
        var id = await UploadedAsync(editors, SampleFiles.Png(40, 40, red: 1), "so-do-to-chuc.png");
        var url = await UrlOfAsync(editors, id);
        var newer = SampleFiles.Png(80, 60, red: 254);

        using (var form = Form(newer, "so-do-to-chuc.png"))
        using (var replaced = await editors.PutAsync(Url($"media/{id}/file"), form))
        {
            await AssertOkAsync(replaced, "PUT /media/{id}/file");
        }

        var item = await GetJsonAsync(editors, $"media/{id}");
        Assert.Equal(url, Value(item, "umbracoFile").GetProperty("src").GetString());
        Assert.Equal(80, Value(item, "umbracoWidth").GetInt32());
        using var served = await site.Anonymous.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(newer, await served.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Replace_OtherFileName_KeepsTheUrlFolderAndTheOldUrlIsGone()
    {
        var editors = await EditorsAsync();
        var id = await UploadedAsync(editors, SampleFiles.Pdf(), "bieu-mau-cu.pdf", altText: null);
        var oldUrl = await UrlOfAsync(editors, id);

        using (var form = Form(SampleFiles.Pdf(), "Biểu mẫu mới.pdf"))
        using (var replaced = await editors.PutAsync(Url($"media/{id}/file"), form))
        {
            await AssertOkAsync(replaced, "PUT /media/{id}/file");
        }

        var newUrl = await UrlOfAsync(editors, id);
        Assert.Equal(oldUrl[..16], newUrl[..16]);
        Assert.EndsWith("/bieu-mau-moi.pdf", newUrl, StringComparison.Ordinal);
        using var old = await site.Anonymous.GetAsync(new Uri(oldUrl, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
    }

    [Fact]
    public async Task Update_NameAltTextAndFocalPoint_AreStoredAndAStaleIfMatchIsAConflict()
    {
        var editors = await EditorsAsync();
        var id = await UploadedAsync(editors, SampleFiles.Png(), "anh.png");
        var body = new
        {
            values = new object[]
            {
                new { alias = "altText", culture = (string?)null, segment = (string?)null, value = "Lãnh đạo tỉnh phát biểu" },
                new { alias = "umbracoFile", culture = (string?)null, segment = (string?)null, value = new { focalPoint = new { left = 0.25, top = 0.4 } } },
            },
            variants = new[] { new { culture = (string?)null, segment = (string?)null, name = "Phát biểu khai mạc" } },
        };

        using (var updated = await PutJsonAsync(editors, $"media/{id}", body))
        {
            await AssertOkAsync(updated, "PUT /media/{id}");
        }

        using var stale = new HttpRequestMessage(HttpMethod.Put, Url($"media/{id}")) { Content = JsonContent.Create(body) };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        using var conflict = await editors.SendAsync(stale);

        var item = await GetJsonAsync(editors, $"media/{id}");
        Assert.Equal("Phát biểu khai mạc", item.GetProperty("variants")[0].GetProperty("name").GetString());
        Assert.Equal("Lãnh đạo tỉnh phát biểu", Value(item, "altText").GetString());
        Assert.Equal(0.25, Value(item, "umbracoFile").GetProperty("focalPoint").GetProperty("left").GetDouble());
        await ProblemAsync(conflict, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Delete_File_Answers200AndTheItemAndFileAreGone()
    {
        var editors = await EditorsAsync();
        var id = await UploadedAsync(editors, SampleFiles.Png(), "xoa.png");
        var url = await UrlOfAsync(editors, id);

        using var deleted = await editors.DeleteAsync(Url($"media/{id}"));
        using var get = await editors.GetAsync(Url($"media/{id}"));
        using var file = await site.Anonymous.GetAsync(new Uri(url, UriKind.Relative));

        await AssertOkAsync(deleted, "DELETE /media/{id}");
        await ProblemAsync(get, HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);
    }

    [Fact]
    public async Task TreeRoot_NewFolder_IsListedWithUmbracoTreeShape()
    {
        var editors = await EditorsAsync();
        var folder = await FolderAsync(editors, "Văn bản chỉ đạo");
        await UploadedAsync(editors, SampleFiles.Pdf(), "vb.pdf", altText: null, parentId: folder);

        var root = await GetJsonAsync(editors, "tree/media/root?skip=0&take=1000");

        Assert.Equal(["total", "items"], PropertyNames(root));
        var node = root.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == folder);
        Assert.Equal(["hasChildren", "id", "parent", "noAccess", "isTrashed", "mediaType", "variants", "createDate"], PropertyNames(node));
        Assert.True(node.GetProperty("hasChildren").GetBoolean());
        Assert.Equal("Folder", node.GetProperty("mediaType").GetProperty("alias").GetString());
        Assert.Equal("Văn bản chỉ đạo", node.GetProperty("variants")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task HomeAffairs_WithoutTheMediaSection_Answers403Everywhere()
    {
        var editors = await EditorsAsync();
        var homeAffairs = await site.ClientForAsync(MediaSiteFixture.HomeAffairs);
        var id = await UploadedAsync(editors, SampleFiles.Png(), "anh.png");

        using var upload = await UploadAsync(homeAffairs, SampleFiles.Png(), "anh.png");
        using var get = await homeAffairs.GetAsync(Url($"media/{id}"));
        using var tree = await homeAffairs.GetAsync(Url("tree/media/root"));
        using var delete = await homeAffairs.DeleteAsync(Url($"media/{id}"));

        var problem = await ProblemAsync(upload, HttpStatusCode.Forbidden);
        Assert.Equal("Bạn không có quyền sử dụng phân hệ Media.", problem.GetProperty("detail").GetString());
        await ProblemAsync(get, HttpStatusCode.Forbidden);
        await ProblemAsync(tree, HttpStatusCode.Forbidden);
        await ProblemAsync(delete, HttpStatusCode.Forbidden);
        await GetJsonAsync(editors, $"media/{id}");
    }

    [Fact]
    public async Task Upload_WithoutToken_Answers401()
    {
        using var response = await UploadAsync(site.Anonymous, SampleFiles.Png(), "anh.png");

        await ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Upload_NotMultipart_Answers400()
    {
        var editors = await EditorsAsync();

        using var response = await PostJsonAsync(editors, "media", new { file = "anh.png" });

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.StartsWith("Yêu cầu phải là multipart/form-data", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
