using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Portal.Web.Tests.TestHost;
using static Portal.Web.Tests.Features.Management.ManagementHttp;

namespace Portal.Web.Tests.Features.Management;

/// <summary>
/// A token is sealed with the Data Protection key ring: kept in the data directory, or in Redis when it is configured,
/// so nodes sharing either (and the database) accept each other's tokens.
/// </summary>
public sealed class TokenNodesTests
{
    [Fact]
    public async Task Token_IssuedByOneNode_IsAcceptedByAnotherOnPostgreSql()
    {
        var database = TestServices.NewPostgreSqlDatabase();
        var settings = new Dictionary<string, string?>
        {
            ["Portal:Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Portal"] = database,
        };
        try
        {
            await using var nodeA = await ManagementSite.StartAsync([], settings);
            var token = await nodeA.TokenAsync(ManagementSite.ClientIdOf(ManagementSite.Administrators),
                ManagementSite.SecretOf(ManagementSite.Administrators));
            var page = await nodeA.CreateDocumentAsync(Delivery.Seed.Column, "Trang tạo ở nút A");

            var nodeBSettings = ManagementSite.ApiClientSettings([ManagementSite.Administrators]);
            foreach (var (key, value) in settings)
            {
                nodeBSettings[key] = value;
            }

            await using var nodeB = new PortalFactory(nodeA.DataDirectory, nodeBSettings);
            using var client = nodeB.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

            using var response = await client.GetAsync(Url($"document/{page}"));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        finally
        {
            await TestServices.DropPostgreSqlDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task Token_IssuedByOneNode_IsAcceptedByANodeWithItsOwnDataDirectoryThroughRedis()
    {
        var database = TestServices.NewPostgreSqlDatabase();
        var otherFolder = TestServices.NewDataDirectory();
        var settings = new Dictionary<string, string?>
        {
            ["Portal:Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Portal"] = database,
            ["ConnectionStrings:Redis"] = TestServices.Redis,
        };
        try
        {
            await using var nodeA = await ManagementSite.StartAsync([], settings);
            var token = await nodeA.TokenAsync(ManagementSite.ClientIdOf(ManagementSite.Administrators),
                ManagementSite.SecretOf(ManagementSite.Administrators));
            var page = await nodeA.CreateDocumentAsync(Delivery.Seed.Column, "Trang tạo ở nút A, đọc ở nút B");

            var nodeBSettings = ManagementSite.ApiClientSettings([ManagementSite.Administrators]);
            foreach (var (key, value) in settings)
            {
                nodeBSettings[key] = value;
            }

            await using var nodeB = new PortalFactory(otherFolder, nodeBSettings);
            using var client = nodeB.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

            using var response = await client.GetAsync(Url($"document/{page}"));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(Directory.Exists(Path.Combine(otherFolder, "keys")), "With Redis the key ring is not written to the data directory.");
        }
        finally
        {
            await TestServices.DropPostgreSqlDatabaseAsync(database);
            TestServices.DeleteQuietly(otherFolder);
        }
    }
}
