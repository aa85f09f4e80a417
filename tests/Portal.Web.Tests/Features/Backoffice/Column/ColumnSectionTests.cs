using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.PublishedCache;
using Portal.Web.Tests.Features.SignIn;
using static Portal.Web.Tests.Features.SignIn.BackofficeBrowser;

namespace Portal.Web.Tests.Features.Backoffice.Column;

/// <summary>The newspaper's curation of the CCHC column, through a signed-in browser on a seeded site.</summary>
public sealed class ColumnSectionTests(BackofficeSiteFixture fixture) : IClassFixture<BackofficeSiteFixture>
{
    [Fact]
    public async Task Newspaper_PicksAndFeaturesUnitArticle_ItLeadsThePublicColumn()
    {
        using var staff = await SignedInAsync(BackofficeAccounts.Newspaper);
        var routes = fixture.Site.Services.GetRequiredService<PublishedRouteTree>();
        var unitArticle = await PublishedUnitArticleAsync("Sở Nội vụ đưa thông tin cải cách đến thôn làng " + Guid.NewGuid().ToString("N")[..6]);
        var query = "thông tin cải cách đến thôn";

        var (search, searchHtml) = await staff.GetAsync("/umbraco/chuyen-trang-cchc?q=" + Uri.EscapeDataString(query));
        var action = FormAction(searchHtml);
        var fields = PlacementFields(searchHtml);
        fields.Add(new("buoc", $"them:{unitArticle.Key}"));
        var added = await PostAsync(staff, action, fields, searchHtml);
        var (_, afterAdd) = await staff.GetAsync("/umbraco/chuyen-trang-cchc");
        var last = PlacementFields(afterAdd).Count(f => f.Key == "muc") - 1;

        // Move it to the top with the keyboard buttons, one step at a time, then publish.
        var html = afterAdd;
        for (var position = last; position > 0; position--)
        {
            var current = PlacementFields(html);
            current.Add(new("noi-bat", unitArticle.Key.ToString()));
            current.Add(new("buoc", $"len:{position}"));
            await PostAsync(staff, FormAction(html), current, html);
            html = (await staff.GetAsync("/umbraco/chuyen-trang-cchc")).Html;
        }

        var publish = PlacementFields(html);
        publish.Add(new("noi-bat", unitArticle.Key.ToString()));
        publish.Add(new("thao-tac", "xuat-ban"));
        var published = await PostAsync(staff, FormAction(html), publish, html);
        using var reader = fixture.Site.Factory.CreateClient();
        var column = await reader.GetStringAsync(new Uri("/chuyen-trang-cchc", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        Assert.Contains("Thêm vào chuyên trang", searchHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var main = column[column.IndexOf("<main", StringComparison.Ordinal)..];
        var firstLink = System.Text.RegularExpressions.Regex.Match(main, "<ul class=\"list\">.*?<a href=\"[^\"]*\">(.*?)</a>", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(firstLink.Success, "the column page lists no article");
        Assert.Equal(routes.UrlOf(unitArticle.Key), System.Text.RegularExpressions.Regex.Match(firstLink.Value, "<a href=\"([^\"]*)\"").Groups[1].Value);
    }

    [Fact]
    public async Task UnitEditor_OpensColumnSection_Gets403()
    {
        using var editor = await SignedInAsync("unit-so-noi-vu-editors");

        var (response, _) = await editor.GetAsync("/umbraco/chuyen-trang-cchc");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<Portal.Data.Content.PublishedNode> PublishedUnitArticleAsync(string title)
    {
        var services = fixture.Site.Services;
        var routes = services.GetRequiredService<PublishedRouteTree>();
        var created = await services.GetRequiredService<Portal.Core.Workflow.ContentEditing>().CreateAsync("article", routes.Resolve("/don-vi/so-noi-vu")!.Key,
            title, new Dictionary<string, string>
            {
                ["title"] = title, ["summary"] = "Tóm tắt", ["body"] = "<p>Nội dung</p>", ["category"] = "[\"Tin tức\"]",
            }, Portal.Core.Access.Actor.System("test"));
        var key = created.DocumentKey!.Value;
        await services.GetRequiredService<Portal.Core.Workflow.ContentPublishing>().PublishAsync(key, Portal.Core.Access.Actor.System("test"));
        for (var attempt = 0; attempt < 50 && routes.Find(key) is null; attempt++)
        {
            await Task.Delay(100);
        }

        return routes.Find(key) ?? throw new InvalidOperationException("The published article never reached the route tree.");
    }

    private async Task<BackofficeBrowser> SignedInAsync(string group)
    {
        var email = $"nguoi-{Guid.NewGuid():N}@kontum.gov.vn";
        await BackofficeAccounts.CreatePersonAsync(fixture.Site.Services, email, "Người thử", group);
        var browser = fixture.Site.OpenBrowser();
        await browser.SignInSuccessfullyAsync(email, BackofficeAccounts.Password);
        return browser;
    }

    private static string FormAction(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "<form method=\"post\" action=\"([^\"]+)\" id=\"chon-dang\"").Groups[1].Value;

    /// <summary>The rows as the browser would post them: item keys in order, their windows, the version and the search box.</summary>
    private static List<KeyValuePair<string, string>> PlacementFields(string html)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (System.Text.RegularExpressions.Match input in System.Text.RegularExpressions.Regex.Matches(html,
            "<input type=\"(?:hidden|datetime-local)\" (?:id=\"[^\"]*\" )?name=\"(muc|tu|den|phien-ban)\" value=\"([^\"]*)\""))
        {
            fields.Add(new(input.Groups[1].Value, WebUtility.HtmlDecode(input.Groups[2].Value)));
        }

        return fields;
    }

    private static async Task<HttpResponseMessage> PostAsync(BackofficeBrowser browser, string action, List<KeyValuePair<string, string>> fields, string html)
    {
        fields.Add(new("__RequestVerificationToken", TokenIn(html, action)));
        using var content = new FormUrlEncodedContent(fields);
        return await browser.Client.PostAsync(new Uri(action, UriKind.Relative), content);
    }
}
