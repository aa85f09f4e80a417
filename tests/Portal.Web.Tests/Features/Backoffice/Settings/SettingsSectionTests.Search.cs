using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Audit;
using Portal.Infrastructure.Search;
using Portal.Web.Tests.Features.SignIn;
using static Portal.Web.Tests.Features.SignIn.BackofficeBrowser;

namespace Portal.Web.Tests.Features.Backoffice.Settings;

/// <summary>Settings › Tìm kiếm: the state of this node's indexes, and the administrator's rebuild.</summary>
public sealed partial class SettingsSectionTests
{
    private const string RebuildPath = Root + "/tim-kiem/dung-lai";

    private SearchIndexes Indexes => Services.GetRequiredService<SearchIndexes>();

    [Fact]
    public async Task SettingsPage_SearchCard_ShowsBothIndexesReadyWithTheirDocuments()
    {
        await ReadyAsync();
        using var admin = await AdministratorAsync();

        var (response, html) = await admin.GetAsync(Root);
        var text = Text(html);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, Indexes.States.Count);
        foreach (var index in Indexes.States)
        {
            Assert.True(index.Documents > 0, index.Name);
            Assert.Contains($"{index.Label} Sẵn sàng {index.Documents.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"))}", text,
                StringComparison.Ordinal);
        }

        Assert.DoesNotContain("<progress", html, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Refresh"));
        Assert.Contains($"<form method=\"post\" action=\"{RebuildPath}\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RebuildSearch_Administrator_StartsInTheBackgroundWhileSearchKeepsAnsweringAndIsAudited()
    {
        await ReadyAsync();
        using var admin = await AdministratorAsync();
        var (_, page) = await admin.GetAsync(Root);
        var before = Indexes.States.Select(s => s.Directory).ToList();
        var audited = (await RebuildEntriesAsync()).Select(e => e.Id).ToHashSet();

        var (posted, _) = await admin.PostAsync(RebuildPath, new Dictionary<string, string>(), TokenIn(page, RebuildPath));
        var (during, duringHtml) = await admin.GetAsync(posted.Headers.Location!.OriginalString);
        var (searchedDuring, searchDuring) = await admin.GetAsync("/umbraco/noi-dung/tim-kiem?q=S%E1%BB%9F+N%E1%BB%99i+v%E1%BB%A5");
        await ReadyAsync(replaced: before);
        var (_, afterHtml) = await admin.GetAsync(Root);
        var (_, searchAfter) = await admin.GetAsync("/umbraco/noi-dung/tim-kiem?q=S%E1%BB%9F+N%E1%BB%99i+v%E1%BB%A5");

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, during.StatusCode);
        Assert.Contains("Đã bắt đầu dựng lại chỉ mục", Text(duringHtml), StringComparison.Ordinal);
        // Either the rebuild still runs (bars, and the page refreshes itself) or it is already done.
        Assert.True(duringHtml.Contains("<progress", StringComparison.Ordinal) == during.Headers.Contains("Refresh"));
        Assert.True(duringHtml.Contains("<progress", StringComparison.Ordinal) || Text(duringHtml).Contains("Sẵn sàng", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, searchedDuring.StatusCode);
        Assert.Contains("Sở Nội vụ", Text(searchDuring), StringComparison.Ordinal);
        Assert.Equal(2, CountOf(Text(afterHtml), "Sẵn sàng"));
        Assert.All(Indexes.States, s => Assert.Contains(s.Directory, afterHtml, StringComparison.Ordinal));
        Assert.Contains("Sở Nội vụ", Text(searchAfter), StringComparison.Ordinal);
        Assert.DoesNotContain("Không tìm thấy trang nào phù hợp", Text(searchAfter), StringComparison.Ordinal);
        var entry = Assert.Single(await RebuildEntriesAsync(), e => !audited.Contains(e.Id));
        Assert.NotNull(entry.ActorKey);
        Assert.Equal(AuditEntityTypes.SearchIndex, entry.EntityType);
        Assert.All(before, folder => Assert.Contains(Path.GetDirectoryName(folder)!, entry.Note, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RebuildSearch_WithoutTheSettingsSection_Answers403AndStartsNothing()
    {
        await ReadyAsync();
        var audited = (await RebuildEntriesAsync()).Count;
        using var editor = await fixture.Site.SignedInAsync("unit-so-noi-vu-editors", "Biên tập Sở Nội vụ");
        var (_, page) = await editor.GetAsync("/umbraco/noi-dung");
        var (settings, _) = await editor.GetAsync(Root);

        // Any form's token is the session's token: the section, not the token, must refuse.
        var (posted, html) = await editor.PostAsync(RebuildPath, new Dictionary<string, string>(), TokenIn(page, "/umbraco/dang-xuat"));

        Assert.Equal(HttpStatusCode.Forbidden, settings.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.Contains("Không có quyền truy cập", html, StringComparison.Ordinal);
        Assert.All(Indexes.States, s => Assert.Null(s.Rebuild));
        Assert.Equal(audited, (await RebuildEntriesAsync()).Count);
    }

    private async Task<List<AuditEntry>> RebuildEntriesAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.AuditLog.AsNoTracking().Where(e => e.Action == AuditActions.SearchRebuildStarted).ToListAsync();
    }

    /// <summary>
    /// Both indexes answer from Lucene and no rebuild runs, whatever an earlier test started; with <paramref name="replaced"/>,
    /// also until each index answers from a new generation (a rebuild writes a new folder and swaps to it).
    /// </summary>
    private async Task ReadyAsync(IReadOnlyCollection<string>? replaced = null)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await Indexes.WhenReadyAsync(patience.Token);
        while (Indexes.States.Any(s => s.Rebuild is not null || s.Health != SearchIndexHealth.Ready || replaced?.Contains(s.Directory) == true))
        {
            await Task.Delay(100, patience.Token);
        }
    }

    private static int CountOf(string text, string part) =>
        (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;
}
