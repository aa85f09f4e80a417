using System.Net;
using System.Text.RegularExpressions;
using Portal.Infrastructure.Forum;
using Portal.Web.Tests.TestHost;
using static Portal.Web.Tests.Features.Forum.ForumTestKit;

namespace Portal.Web.Tests.Features.Forum;

/// <summary>What citizens type is shown inert everywhere, and their contact details appear only to themselves.</summary>
[Collection(ForumSiteCollection.Name)]
public sealed class ForumSafetyTests(ForumSite site)
{
    private const string Script = "<script>alert(1)</script>";
    private const string Img = "\"><img src=x onerror=alert(1)>";

    private PortalFactory Factory => site.Factory;

    private HttpClient Client => site.Client;

    [Fact]
    public async Task Question_WithMarkupAndScriptLinks_RenderedInertEverywhere()
    {
        var fields = new AskFields($"xsskiemtra {Script} {Img}", $"Nội dung {Script}\n{Img}\njavascript:alert(1) và [bấm](javascript:alert(1)) http://x.example/\"onmouseover=alert(1)",
            $"Kẻ xấu {Script}{Img}", "0901234567");
        var code = await AnsweredQuestionAsync(Client, Factory, fields, $"Trả lời {Script} {Img} javascript:alert(1)");
        using var tracked = await PostAsync(Client, ForumPaths.Track, ForumPaths.Track, new Dictionary<string, string> { ["code"] = code, ["contact"] = "0901234567" });

        var pages = new[]
        {
            await GetAsync(Client, ForumPaths.Root + "?q=xsskiemtra"),
            await GetAsync(Client, ForumPaths.Thread(code)),
            await tracked.Content.ReadAsStringAsync(),
            await GetAsync(Client, ForumPaths.Statistics),
        };

        Assert.All(pages[..3], html => Assert.Contains("xsskiemtra", html, StringComparison.Ordinal));
        foreach (var html in pages)
        {
            Assert.DoesNotContain("<script>alert", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img src=x", html, StringComparison.OrdinalIgnoreCase);
            // The payload would become an attribute only by breaking out of a quoted value or a tag.
            Assert.DoesNotContain("\"><img", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotMatch(new Regex(@"<img[^>]*onerror", RegexOptions.IgnoreCase), html);
            Assert.DoesNotContain("href=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("\"onmouseover=", html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Contact_OfAnsweredQuestions_AbsentFromEveryPublicResponseButShownToAsker()
    {
        const string email = "riengtu.chiemail@example.com";
        const string phone = "0933111222";
        var byMail = await AnsweredQuestionAsync(Client, Factory,
            new AskFields("Câu hỏi riengtukiemtra có e-mail người hỏi", "Nội dung hỏi về quyền riêng tư của người hỏi.", "Hoàng Lan", email), "Đã trả lời.");
        var byPhone = await AnsweredQuestionAsync(Client, Factory,
            new AskFields("Câu hỏi riengtukiemtra có số điện thoại", "Nội dung hỏi về quyền riêng tư qua điện thoại.", "Hoàng Nam", phone), "Đã trả lời.");

        var bust = "?q=" + Guid.NewGuid().ToString("N");
        string[] urls = [ForumPaths.Root, ForumPaths.Root + "?q=riengtukiemtra", ForumPaths.Thread(byMail), ForumPaths.Thread(byPhone), ForumPaths.Statistics,
            "/" + bust, "/rss.xml", "/sitemap.xml", "/umbraco/delivery/api/v2/content"];
        foreach (var url in urls)
        {
            using var response = await Client.GetAsync(new Uri(url, UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, url);
            Assert.DoesNotContain(email, body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(phone, body, StringComparison.Ordinal);
        }

        using var mine = await PostAsync(Client, ForumPaths.Track, ForumPaths.Track, new Dictionary<string, string> { ["code"] = byMail, ["contact"] = email });
        Assert.Contains(email, await mine.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var minePhone = await PostAsync(Client, ForumPaths.Track, ForumPaths.Track, new Dictionary<string, string> { ["code"] = byPhone, ["contact"] = "+84 933 111 222" });
        Assert.Contains(phone, await minePhone.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, minePhone.StatusCode);
    }
}
