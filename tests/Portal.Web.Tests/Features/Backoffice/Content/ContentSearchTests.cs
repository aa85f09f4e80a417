using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Access;
using Portal.Core.Workflow;
using Portal.Infrastructure.PublishedCache;
using Portal.Infrastructure.Search;
using Portal.Web.Tests.Features.SignIn;
using static Portal.Web.Tests.Features.SignIn.BackofficeBrowser;

namespace Portal.Web.Tests.Features.Backoffice.Content;

/// <summary>
/// The backoffice search (<c>/umbraco/noi-dung/tim-kiem</c>) through signed-in browsers: drafts are found, and every
/// query stays below the searcher's start nodes. Each test writes drafts with a word of its own, so tests never see
/// each other's pages.
/// </summary>
public sealed class ContentSearchTests(BackofficeSiteFixture fixture) : IClassFixture<BackofficeSiteFixture>, IAsyncLifetime
{
    private const string SearchPath = "/umbraco/noi-dung/tim-kiem";
    private const string NoiVu = "unit-so-noi-vu-editors";

    private IServiceProvider Services => fixture.Site.Services;

    public async Task InitializeAsync()
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await Services.GetRequiredService<SearchIndexes>().WhenReadyAsync(patience.Token);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Search_NeverPublishedDraft_AdministratorFindsItAsDraftButPublicSearchDoesNot()
    {
        using var admin = await fixture.Site.SignedInAsync(BackofficeAccounts.Administrators, "Quản trị tìm kiếm");
        var word = NewWord();
        var title = $"Kế hoạch số hóa hồ sơ một cửa {word}";
        var key = await DraftAsync("/don-vi/so-noi-vu", title, $"<p>Bản nháp nói về {word} và cải cách hành chính.</p>");

        var html = await FoundAsync(admin, word, title);
        using var visitor = fixture.Site.Factory.CreateClient();
        var publicHtml = await visitor.GetStringAsync(new Uri("/tim-kiem?q=" + word, UriKind.Relative));

        Assert.Contains($"<a href=\"/umbraco/noi-dung/{key}\">", html, StringComparison.Ordinal);
        Assert.Contains($"<mark>{word}</mark>", html, StringComparison.Ordinal);
        Assert.Contains("Bản nháp", Text(html), StringComparison.Ordinal);
        Assert.Contains("Tin bài", Text(html), StringComparison.Ordinal);
        Assert.DoesNotContain(title, publicHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_UnitEditor_SeesOnlyDraftsBelowTheirStartNode()
    {
        using var admin = await fixture.Site.SignedInAsync(BackofficeAccounts.Administrators, "Quản trị tìm kiếm");
        using var editor = await fixture.Site.SignedInAsync(NoiVu, "Biên tập Sở Nội vụ");
        var word = NewWord();
        var own = $"Sở Nội vụ rà soát thủ tục {word}";
        var other = $"Sở Tài chính rà soát thủ tục {word}";
        await DraftAsync("/don-vi/so-noi-vu", own, $"<p>{word}</p>");
        await DraftAsync("/don-vi/so-tai-chinh", other, $"<p>{word}</p>");
        await FoundAsync(admin, word, other);

        var (response, html) = await editor.GetAsync($"{SearchPath}?q={word}");
        var text = Text(html);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(own, text, StringComparison.Ordinal);
        Assert.DoesNotContain(other, text, StringComparison.Ordinal);
        Assert.Contains("Kết quả (1)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_WordNobodyWrote_SaysNothingWasFoundAndKeepsTheQueryInTheBox()
    {
        using var admin = await fixture.Site.SignedInAsync(BackofficeAccounts.Administrators, "Quản trị tìm kiếm");
        var word = NewWord();

        var (_, tree) = await admin.GetAsync("/umbraco/noi-dung");
        var (response, html) = await admin.GetAsync($"{SearchPath}?q={word}&loai=article");

        Assert.Contains($"<form method=\"get\" action=\"{SearchPath}\" role=\"search\"", tree, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Không tìm thấy trang nào phù hợp.", Text(html), StringComparison.Ordinal);
        Assert.Contains($"value=\"{word}\"", html, StringComparison.Ordinal);
        Assert.Matches("<option value=\"article\" selected=\"selected\">", html);
    }

    /// <summary>A word no seed page holds; letters and digits stay one token in the index.</summary>
    private static string NewWord() => "tk" + Guid.NewGuid().ToString("N")[..8];

    private async Task<Guid> DraftAsync(string unitPath, string title, string body)
    {
        var unit = Services.GetRequiredService<PublishedRouteTree>().Resolve(unitPath)?.Key
            ?? throw new InvalidOperationException($"No live page at {unitPath}.");
        var created = await Services.GetRequiredService<ContentEditing>().CreateAsync("article", unit, title, new Dictionary<string, string>
        {
            ["title"] = title, ["summary"] = "Tóm tắt", ["body"] = body, ["category"] = "[\"Tin tức\"]",
        }, Actor.System("test"));
        Assert.True(created.Succeeded, created.Status.ToString());
        return created.DocumentKey!.Value;
    }

    /// <summary>The index follows the outbox a moment after the save: asks again until the title is listed.</summary>
    private static async Task<string> FoundAsync(BackofficeBrowser browser, string word, string title)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (response, html) = await browser.GetAsync($"{SearchPath}?q={word}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            if (Text(html).Contains(title, StringComparison.Ordinal) || attempt == 100)
            {
                Assert.Contains(title, Text(html), StringComparison.Ordinal);
                return html;
            }

            await Task.Delay(100);
        }
    }
}
