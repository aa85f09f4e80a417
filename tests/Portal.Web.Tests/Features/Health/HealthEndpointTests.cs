using System.Net;
using System.Text.Json;
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
}
