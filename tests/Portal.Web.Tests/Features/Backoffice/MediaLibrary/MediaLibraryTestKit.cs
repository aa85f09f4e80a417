using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Access;
using Portal.Core.Media;
using Portal.Data.Media;
using Portal.Web.Tests.Features.SignIn;

namespace Portal.Web.Tests.Features.Backoffice.MediaLibrary;

/// <summary>
/// One site for the media pages of a class, with the administrator signed in once in a shared browser, and a small
/// upload limit so "too large" is cheap to reach. Each test works in a folder of its own and never relies on another's.
/// </summary>
public sealed class MediaPagesFixture : IAsyncLifetime
{
    public const long MaxUploadBytes = 64 * 1024;

    internal BackofficeSite Site { get; private set; } = null!;

    internal BackofficeBrowser Admin { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Site = await BackofficeSite.StartAsync([], new Dictionary<string, string?>
        {
            ["Portal:Media:MaxUploadBytes"] = MaxUploadBytes.ToString(CultureInfo.InvariantCulture),
        });
        Admin = Site.OpenBrowser();
        await Admin.SignInSuccessfullyAsync(BackofficeAccounts.AdminEmail, BackofficeAccounts.AdminPassword);
    }

    public async Task DisposeAsync() => await Site.DisposeAsync();
}

/// <summary>What the media tests do through the browser, and what they look at behind it (the store and the media folder).</summary>
internal static partial class MediaPages
{
    public const string Root = "/umbraco/media";
    public const string UploadAction = Root + "/tai-len";

    public static string PageOf(Guid key) => $"{Root}/{key}";

    public static MediaItemStore Store(BackofficeSite site) => site.Services.GetRequiredService<MediaItemStore>();

    /// <summary>A fresh folder at the root, made through Core, for one test's uploads.</summary>
    public static async Task<Guid> FolderAsync(BackofficeSite site, string name)
    {
        var library = site.Services.GetRequiredService<Portal.Core.Media.MediaLibrary>();
        var result = await library.CreateFolderAsync($"{name} {Guid.NewGuid():N}", null, Actor.System("kiểm thử"));
        Assert.True(result.Succeeded, result.Status.ToString());
        return result.Key!.Value;
    }

    /// <summary>
    /// Opens <paramref name="formPage"/> and posts a multipart form to <paramref name="action"/> with that form's token, as
    /// a browser sends a file input; <paramref name="withToken"/> false leaves the token out.
    /// </summary>
    public static async Task<(HttpResponseMessage Response, string Html)> PostFileAsync(BackofficeBrowser browser, string formPage, string action,
        byte[]? file, string fileName, IReadOnlyDictionary<string, string> fields, bool withToken = true)
    {
        var (page, html) = await browser.GetAsync(formPage);
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"GET {formPage}: {(int)page.StatusCode}");
        using var form = new MultipartFormDataContent();
        if (withToken)
        {
            form.Add(new StringContent(BackofficeBrowser.TokenIn(html, action), Encoding.UTF8), "__RequestVerificationToken");
        }

        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value, Encoding.UTF8), name);
        }

        if (file is not null)
        {
            var part = new ByteArrayContent(file);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "file", fileName);
        }

        var response = await browser.Client.PostAsync(new Uri(action, UriKind.Relative), form);
        return (response, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Uploads through the folder page's form into <paramref name="folder"/>.</summary>
    public static Task<(HttpResponseMessage Response, string Html)> UploadAsync(BackofficeBrowser browser, Guid folder, byte[] file, string fileName,
        string altText = "Ảnh minh họa", string name = "") =>
        PostFileAsync(browser, PageOf(folder), UploadAction, file, fileName,
            new Dictionary<string, string> { ["altText"] = altText, ["name"] = name, ["folder"] = folder.ToString() });

    /// <summary>Uploads and returns the new item, after checking the redirect back to the folder.</summary>
    public static async Task<MediaItem> UploadedAsync(BackofficeSite site, BackofficeBrowser browser, Guid folder, byte[] file, string fileName,
        string name, string altText = "Ảnh minh họa")
    {
        var (response, html) = await UploadAsync(browser, folder, file, fileName, altText, name);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"upload {fileName}: {(int)response.StatusCode} {BackofficeBrowser.Text(html)}");
        return (await Store(site).ChildrenAsync(folder, CancellationToken.None)).Single(i => i.Name == name);
    }

    /// <summary>Files below the data folder's media directory, apart from the staging folder (whose name starts with a dot).</summary>
    public static int StoredFileCount(BackofficeSite site)
    {
        var root = Path.Combine(site.Factory.DataDirectory, "media");
        return Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .Count(f => !Path.GetRelativePath(root, f).Split(Path.DirectorySeparatorChar).Any(p => p.StartsWith('.')))
            : 0;
    }

    /// <summary>The message written beside an input (<c>{id}-loi</c>), or null.</summary>
    public static string? FieldError(string html, string fieldId)
    {
        var match = Regex.Match(html, $"<p id=\"{Regex.Escape(fieldId)}-loi\" class=\"field-error\">(.*?)</p>", RegexOptions.Singleline);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    /// <summary>The value attribute of an input, decoded.</summary>
    public static string? InputValue(string html, string id)
    {
        var match = Regex.Match(html, $"<input id=\"{Regex.Escape(id)}\"[^>]*value=\"([^\"]*)\"", RegexOptions.Singleline);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }
}
