using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Portal.Web.Tests.Features.Management;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Portal.Web.Tests.Features.Media;

/// <summary>
/// One site shared by the media tests of a class: API clients for a unit's editors (who have the Media section) and for
/// Sở Nội vụ's homeAffairs group (who have not), the Media Delivery API on, and a small upload limit so the 413 paths
/// are cheap to reach. Tests upload their own files and never rely on each other's.
/// </summary>
public sealed class MediaSiteFixture : IAsyncLifetime
{
    public const string UnitEditors = "unit-so-noi-vu-editors";
    public const string HomeAffairs = "homeAffairs";
    public const long MaxUploadBytes = 64 * 1024;

    public ManagementSite Site { get; private set; } = null!;

    public async Task InitializeAsync() => Site = await ManagementSite.StartAsync([UnitEditors, HomeAffairs], new Dictionary<string, string?>
    {
        ["Umbraco:CMS:DeliveryApi:Media:Enabled"] = "true",
        ["Portal:Media:MaxUploadBytes"] = MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    public async Task DisposeAsync() => await Site.DisposeAsync();
}

/// <summary>Real files: PNGs drawn by ImageSharp, a minimal PDF, and text dressed up with other names.</summary>
internal static class SampleFiles
{
    public static byte[] Png(int width = 64, int height = 48, byte red = 200)
    {
        using var image = new Image<Rgba32>(width, height, new Rgba32(red, 40, 40));
        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        return stream.ToArray();
    }

    public static byte[] Pdf() => Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    public static byte[] Text(string text = "Đây không phải là ảnh.") => Encoding.UTF8.GetBytes(text);
}

/// <summary>Requests of the media endpoints.</summary>
internal static class MediaHttp
{
    public static MultipartFormDataContent Form(byte[] file, string fileName, IReadOnlyDictionary<string, string>? fields = null)
    {
        var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(part, "file", fileName);
        foreach (var (name, value) in fields ?? new Dictionary<string, string>())
        {
            form.Add(new StringContent(value, Encoding.UTF8), name);
        }

        return form;
    }

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] file, string fileName, string? altText = "Ảnh minh họa",
        Guid? parentId = null, string? name = null, string? focalPoint = null)
    {
        var fields = new Dictionary<string, string>();
        if (altText is not null)
        {
            fields["altText"] = altText;
        }

        if (parentId is { } parent)
        {
            fields["parentId"] = parent.ToString();
        }

        if (name is not null)
        {
            fields["name"] = name;
        }

        if (focalPoint is not null)
        {
            fields["focalPoint"] = focalPoint;
        }

        using var form = Form(file, fileName, fields);
        return await client.PostAsync(ManagementHttp.Url("media"), form);
    }

    /// <summary>Uploads and returns the new item's id, after checking the 201.</summary>
    public static async Task<Guid> UploadedAsync(HttpClient client, byte[] file, string fileName, string? altText = "Ảnh minh họa",
        Guid? parentId = null, string? name = null)
    {
        using var response = await UploadAsync(client, file, fileName, altText, parentId, name);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST /media {fileName}: {(int)response.StatusCode} {body}");
        return Guid.Parse(response.Headers.GetValues("Umb-Generated-Resource").Single());
    }

    public static async Task<Guid> FolderAsync(HttpClient client, string name, Guid? parentId = null)
    {
        using var response = await ManagementHttp.PostJsonAsync(client, "media/folder", new { name, parent = parentId is { } p ? new { id = p } : null });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST /media/folder {name}: {(int)response.StatusCode} {body}");
        return Guid.Parse(response.Headers.GetValues("Umb-Generated-Resource").Single());
    }

    /// <summary>The <c>src</c> of the item's <c>umbracoFile</c> value.</summary>
    public static async Task<string> UrlOfAsync(HttpClient client, Guid id)
    {
        var item = await ManagementHttp.GetJsonAsync(client, $"media/{id}");
        return Value(item, "umbracoFile").GetProperty("src").GetString()!;
    }

    public static JsonElement Value(JsonElement item, string alias) =>
        item.GetProperty("values").EnumerateArray().Single(v => v.GetProperty("alias").GetString() == alias).GetProperty("value");
}
