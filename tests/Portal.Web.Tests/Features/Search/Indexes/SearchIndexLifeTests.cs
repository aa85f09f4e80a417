using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Access;
using Portal.Core.Workflow;
using Portal.Infrastructure.Search;
using Portal.Web.Tests.Features.Feeds;
using Portal.Web.Tests.TestHost;

namespace Portal.Web.Tests.Features.Search.Indexes;

/// <summary>A node's indexes across restarts: what the database changed meanwhile reaches them, and damage heals itself.</summary>
public sealed class SearchIndexLifeTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Start_IndexesCaughtUpWithDatabase_OpenedWithoutRebuild()
    {
        var folder = TestServices.NewDataDirectory();
        try
        {
            // The seeded snapshot carries the indexes its host built, at its outbox position.
            await using var factory = new PortalFactory(folder, new Dictionary<string, string?>());
            using var client = factory.CreateClient();

            var states = factory.Services.GetRequiredService<SearchIndexes>().States;

            Assert.All(states, s => Assert.Equal(SearchIndexHealth.Ready, s.Health));
            Assert.All(states, s => Assert.Equal(0, s.Healed));
            Assert.All(states, s => Assert.True(s.Documents > 100));
        }
        finally
        {
            TestServices.DeleteQuietly(folder);
        }
    }

    [Fact]
    public async Task Restart_ContentPublishedByAnotherNodeWhileDown_FoundWithoutRebuild()
    {
        var folder = TestServices.NewDataDirectory();
        try
        {
            var before = await RunAsync(folder, "node-a", _ => Task.CompletedTask);
            await RunAsync(folder, "node-b", factory => FeedTestKit.PublishArticleAsync(factory, "/chuyen-trang-cchc/", "Zqresume tin mới trong lúc nút A dừng"));

            await RunAsync(folder, "node-a", async factory =>
            {
                var state = Public(factory);
                var hits = await factory.Services.GetRequiredService<SiteSearch>().SearchAsync(new SearchRequest("zqresume"), CancellationToken.None);

                Assert.Equal("Zqresume tin mới trong lúc nút A dừng", Assert.Single(hits.Hits).Title);
                Assert.Equal(before.Directory, state.Directory);
                Assert.Equal(0, state.Healed);
            });
        }
        finally
        {
            TestServices.DeleteQuietly(folder);
        }
    }

    [Fact]
    public async Task Restart_SegmentFileDeletedWhileDown_RebuiltAndSearchAnswers()
    {
        var folder = TestServices.NewDataDirectory();
        try
        {
            var before = await RunAsync(folder, "node-a", _ => Task.CompletedTask);
            File.Delete(Directory.EnumerateFiles(before.Directory, "*.si").First());

            await RunAsync(folder, "node-a", async factory =>
            {
                var state = Public(factory);
                var hits = await factory.Services.GetRequiredService<SiteSearch>().SearchAsync(new SearchRequest("dang ky khai sinh"), CancellationToken.None);

                Assert.Equal(1, state.Healed);
                Assert.Equal(before.Documents, state.Documents);
                Assert.NotEqual(before.Directory, state.Directory);
                Assert.False(hits.Degraded);
                Assert.Contains(hits.Hits, h => h.Code == "1.001193");
            });
        }
        finally
        {
            TestServices.DeleteQuietly(folder);
        }
    }

    [Fact]
    public async Task Check_SegmentFileDeletedUnderRunningNode_HealedWhileSiteAnswers()
    {
        var folder = TestServices.NewDataDirectory();
        try
        {
            await RunAsync(folder, "node-a", async factory =>
            {
                var indexes = factory.Services.GetRequiredService<SearchIndexes>();
                var before = Public(factory);
                File.Delete(Directory.EnumerateFiles(before.Directory, "*.si").First());

                await indexes.CheckAsync(CancellationToken.None);
                var during = await factory.Services.GetRequiredService<SiteSearch>().SearchAsync(new SearchRequest("khai sinh"), CancellationToken.None);
                using var patience = new CancellationTokenSource(Patience);
                await indexes.WhenReadyAsync(patience.Token);
                var after = await factory.Services.GetRequiredService<SiteSearch>().SearchAsync(new SearchRequest("khai sinh"), CancellationToken.None);

                Assert.NotEmpty(during.Hits);
                Assert.Equal(1, Public(factory).Healed);
                Assert.False(after.Degraded);
                Assert.Contains(after.Hits, h => h.Code == "1.001193");
            });
        }
        finally
        {
            TestServices.DeleteQuietly(folder);
        }
    }

    [Fact]
    public async Task Restart_LeftoverWriteLockAfterCrash_IndexKeptAndSearchAnswers()
    {
        var folder = TestServices.NewDataDirectory();
        try
        {
            var before = await RunAsync(folder, "node-a", _ => Task.CompletedTask);
            await File.WriteAllTextAsync(Path.Combine(before.Directory, "write.lock"), string.Empty);

            await RunAsync(folder, "node-a", async factory =>
            {
                var state = Public(factory);
                var hits = await factory.Services.GetRequiredService<SiteSearch>().SearchAsync(new SearchRequest("khai sinh"), CancellationToken.None);

                Assert.Equal(before.Directory, state.Directory);
                Assert.Equal(0, state.Healed);
                Assert.Contains("write.lock", state.Detail, StringComparison.Ordinal);
                Assert.Contains(hits.Hits, h => h.Code == "1.001193");
            });
        }
        finally
        {
            TestServices.DeleteQuietly(folder);
        }
    }

    [Fact]
    public async Task Rebuild_DraftSavedAfterPublishing_SiteFindsPublishedEditionBackofficeFindsDraft()
    {
        var folder = TestServices.NewDataDirectory();
        try
        {
            await RunAsync(folder, "node-a", async factory =>
            {
                var (key, url) = await FeedTestKit.PublishArticleAsync(factory, "/chuyen-trang-cchc/", "Zqdangbai bản đã đăng");
                var untouched = await FeedTestKit.PublishArticleAsync(factory, "/chuyen-trang-cchc/", "Zqdangbai bài không sửa");
                var draft = new Dictionary<string, string>
                {
                    ["title"] = "Zqbannhap bản đang sửa",
                    ["body"] = "<p>Nội dung chi tiết.</p>",
                    ["summary"] = "Tin, bài về cải cách hành chính tỉnh Kon Tum.",
                    ["category"] = "[\"Tin tức\"]",
                };
                var saved = await factory.Services.GetRequiredService<ContentEditing>()
                    .SaveDraftAsync(key, expectedVersion: null, "Zqbannhap bản đang sửa", draft, Actor.System("tester"));
                Assert.True(saved.Succeeded, saved.Status.ToString());

                using var patience = new CancellationTokenSource(Patience);
                await factory.Services.GetRequiredService<SearchIndexes>().RebuildAsync(progress: null, patience.Token);
                var site = factory.Services.GetRequiredService<SiteSearch>();
                var backoffice = factory.Services.GetRequiredService<BackofficeSearch>();
                var sitePublished = await site.SearchAsync(new SearchRequest("zqdangbai"), CancellationToken.None);
                var siteDraft = await site.SearchAsync(new SearchRequest("zqbannhap"), CancellationToken.None);
                var officePublished = await backoffice.SearchAsync(new SearchRequest("zqdangbai"), Actor.System("tester"), CancellationToken.None);
                var officeDraft = await backoffice.SearchAsync(new SearchRequest("zqbannhap"), Actor.System("tester"), CancellationToken.None);

                Assert.Equal(new[] { (url, "Zqdangbai bản đã đăng"), (untouched.Url, "Zqdangbai bài không sửa") }.Order(),
                    sitePublished.Hits.Select(h => (h.Url, h.Title)).Order());
                Assert.Empty(siteDraft.Hits);
                Assert.Equal(new[] { ($"/umbraco/noi-dung/{untouched.Key}", "Zqdangbai bài không sửa") }, officePublished.Hits.Select(h => (h.Url, h.Title)));
                Assert.Equal(new[] { ($"/umbraco/noi-dung/{key}", "Zqbannhap bản đang sửa") }, officeDraft.Hits.Select(h => (h.Url, h.Title)));
            });
        }
        finally
        {
            TestServices.DeleteQuietly(folder);
        }
    }

    /// <summary>Starts a node on the folder, waits for its indexes, runs the step, stops it; returns the public index as it stood.</summary>
    private static async Task<SearchIndexState> RunAsync(string folder, string node, Func<PortalFactory, Task> step)
    {
        await using var factory = new PortalFactory(folder, new Dictionary<string, string?> { ["Portal:Search:NodeName"] = node });
        using var patience = new CancellationTokenSource(Patience);
        await factory.Services.GetRequiredService<SearchIndexes>().WhenReadyAsync(patience.Token);
        await step(factory);
        return Public(factory);
    }

    private static SearchIndexState Public(PortalFactory factory) =>
        factory.Services.GetRequiredService<SearchIndexes>().States.Single(s => s.Name == "public");
}
