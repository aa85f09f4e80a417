using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Access;
using Portal.Core.Workflow;
using Portal.Data.Users;
using Portal.Web.Tests.TestHost;

namespace Portal.Web.Tests.Features.Hosting;

public sealed class FirstStartTests
{
    private static readonly Actor Tester = Actor.System("tester");

    [Fact]
    public async Task FirstStart_EmptyDataFolder_ServesSeededVietnameseHomeAndHealthy()
    {
        var folder = TestServices.NewEmptyDataDirectory();
        try
        {
            await using var factory = new PortalFactory(folder, new Dictionary<string, string?>());
            using var client = factory.CreateClient();

            var home = await client.GetAsync(new Uri("/", UriKind.Relative));
            var html = await home.Content.ReadAsStringAsync();
            // Health is "degraded" while a first start builds the search indexes in the background.
            using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await factory.Services.GetRequiredService<Portal.Infrastructure.Search.SearchIndexes>().WhenReadyAsync(patience.Token);
            var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
            Assert.Contains("<html lang=\"vi\">", html, StringComparison.Ordinal);
            Assert.Contains("<h1>Cải cách hành chính tỉnh Kon Tum</h1>", html, StringComparison.Ordinal);
            Assert.Contains("href=\"/chuyen-trang-cchc/\">Chuyên trang CCHC</a>", html, StringComparison.Ordinal);
            Assert.DoesNotContain("&#x", html, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            using var json = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
            Assert.Equal("healthy", json.RootElement.GetProperty("status").GetString());
            Assert.Equal("healthy", json.RootElement.GetProperty("database").GetProperty("status").GetString());
            Assert.True(json.RootElement.GetProperty("publishedDocuments").GetInt32() >= 70);
            Assert.True(File.Exists(Path.Combine(folder, "portal.db")));
        }
        finally
        {
            TestServices.DeleteQuietly(folder);
        }
    }

    [Fact]
    public async Task FirstStart_ConfiguredAdmin_CreatesThatAdministratorOnce()
    {
        var folder = TestServices.NewEmptyDataDirectory();
        var settings = new Dictionary<string, string?>
        {
            ["Portal:Admin:Email"] = "quantri@snv.kontum.gov.vn",
            ["Portal:Admin:Password"] = "Kontum#2018-CCHC",
        };
        try
        {
            for (var start = 0; start < 2; start++)
            {
                await using var factory = new PortalFactory(folder, settings);
                using var client = factory.CreateClient();
                await using var scope = factory.Services.CreateAsyncScope();
                var users = scope.ServiceProvider.GetRequiredService<UserManager<BackofficeUser>>();

                var admin = await users.FindByEmailAsync("quantri@snv.kontum.gov.vn");

                Assert.NotNull(admin);
                Assert.True(await users.CheckPasswordAsync(admin, "Kontum#2018-CCHC"));
                Assert.Single(users.Users);
            }
        }
        finally
        {
            TestServices.DeleteQuietly(folder);
        }
    }

    [Fact]
    public async Task Restart_SameDataFolder_KeepsPublishedChangesAndDoesNotReseed()
    {
        var folder = TestServices.NewEmptyDataDirectory();
        try
        {
            int documentsAfterFirstStart;
            await using (var first = new PortalFactory(folder, new Dictionary<string, string?>()))
            {
                using var client = first.CreateClient();
                documentsAfterFirstStart = await PublishedCountAsync(client);
                var column = Guid.Parse(await FindKeyAsync(first, "/chuyen-trang-cchc/"));
                var editing = first.Services.GetRequiredService<ContentEditing>();
                var created = await editing.CreateAsync("article", column, "Bài viết sau khởi động lại", new Dictionary<string, string>
                {
                    ["title"] = "Bài viết sau khởi động lại",
                    ["summary"] = "Kiểm tra dữ liệu còn nguyên sau khi khởi động lại.",
                    ["body"] = "<p>Nội dung bài viết.</p>",
                    ["category"] = "[\"Tin tức\"]",
                }, Tester);
                Assert.True(created.Succeeded);
                Assert.True((await first.Services.GetRequiredService<ContentPublishing>().PublishAsync(created.DocumentKey!.Value, Tester)).Succeeded);
            }

            await using var second = new PortalFactory(folder, new Dictionary<string, string?>());
            using var again = second.CreateClient();
            var page = await again.GetAsync(new Uri("/chuyen-trang-cchc/bai-viet-sau-khoi-dong-lai/", UriKind.Relative));

            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("<h1>Bài viết sau khởi động lại</h1>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(documentsAfterFirstStart + 1, await PublishedCountAsync(again));
        }
        finally
        {
            TestServices.DeleteQuietly(folder);
        }
    }

    [Fact]
    public async Task FirstStart_OnPostgreSql_ServesSeededHome()
    {
        var folder = TestServices.NewEmptyDataDirectory();
        var database = TestServices.NewPostgreSqlDatabase();
        try
        {
            await using var factory = new PortalFactory(folder, new Dictionary<string, string?>
            {
                ["Portal:Database:Provider"] = "PostgreSql",
                ["ConnectionStrings:Portal"] = database,
            });
            using var client = factory.CreateClient();

            var home = await client.GetAsync(new Uri("/", UriKind.Relative));
            var unit = await client.GetAsync(new Uri("/don-vi/so-noi-vu/", UriKind.Relative));
            var health = await client.GetStringAsync(new Uri("/healthz", UriKind.Relative));

            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
            Assert.Contains("<h1>Sở Nội vụ</h1>", await unit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Contains("\"detail\":\"PostgreSql\"", health, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(folder, "portal.db")));
        }
        finally
        {
            await TestServices.DropPostgreSqlDatabaseAsync(database);
            TestServices.DeleteQuietly(folder);
        }
    }

    private static async Task<int> PublishedCountAsync(HttpClient client)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/healthz", UriKind.Relative)));
        return json.RootElement.GetProperty("publishedDocuments").GetInt32();
    }

    private static Task<string> FindKeyAsync(PortalFactory factory, string path) =>
        Task.FromResult(factory.Services.GetRequiredService<Portal.Infrastructure.PublishedCache.PublishedRouteTree>().Resolve(path)!.Key.ToString());
}
