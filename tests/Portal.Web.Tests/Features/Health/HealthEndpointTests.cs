using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Search;
using Portal.Web.Tests.TestHost;

namespace Portal.Web.Tests.Features.Health;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Healthz_DatabaseGone_Answers503WithTheDatabaseUnhealthy()
    {
        var folder = TestServices.NewDataDirectory();
        var database = TestServices.NewPostgreSqlDatabase();
        try
        {
            await using var factory = new PortalFactory(folder, new Dictionary<string, string?>
            {
                ["Portal:Database:Provider"] = "PostgreSql",
                ["ConnectionStrings:Portal"] = database,
            });
            using var client = factory.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);

            await TestServices.DropPostgreSqlDatabaseAsync(database);
            var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("unhealthy", json.RootElement.GetProperty("status").GetString());
            Assert.Equal("unhealthy", json.RootElement.GetProperty("database").GetProperty("status").GetString());
            Assert.True(json.RootElement.GetProperty("uptimeSeconds").GetDouble() >= 0);
        }
        finally
        {
            await TestServices.DropPostgreSqlDatabaseAsync(database);
            TestServices.DeleteQuietly(folder);
        }
    }

    [Fact]
    public async Task Healthz_RedisConfigured_ReportsBothCacheLevels()
    {
        var folder = TestServices.NewDataDirectory();
        try
        {
            await using var factory = new PortalFactory(folder, new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = TestServices.Redis });
            using var client = factory.CreateClient();

            using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/healthz", UriKind.Relative)));

            Assert.Equal("memory+redis", json.RootElement.GetProperty("cache").GetProperty("detail").GetString());
        }
        finally
        {
            TestServices.DeleteQuietly(folder);
        }
    }

    [Fact]
    public async Task Healthz_SearchIndexesReady_ReportsSearchHealthyWithBothIndexesDocuments()
    {
        var folder = TestServices.NewDataDirectory();
        try
        {
            await using var factory = new PortalFactory(folder, new Dictionary<string, string?>());
            using var client = factory.CreateClient();
            var indexes = factory.Services.GetRequiredService<SearchIndexes>();
            using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await indexes.WhenReadyAsync(patience.Token);

            var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var search = json.RootElement.GetProperty("search");
            var documents = indexes.States.ToDictionary(s => s.Name, s => s.Documents.ToString("N0", CultureInfo.GetCultureInfo("vi-VN")));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("healthy", json.RootElement.GetProperty("status").GetString());
            Assert.Equal("healthy", search.GetProperty("status").GetString());
            Assert.Equal($"công khai: {documents["public"]} tài liệu; quản trị: {documents["backoffice"]} tài liệu", search.GetProperty("detail").GetString());
        }
        finally
        {
            TestServices.DeleteQuietly(folder);
        }
    }
}
