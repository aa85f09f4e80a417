using System.Net;
using System.Text.Json;

namespace Portal.Web.Tests.Features.Management;

/// <summary>The Management API's OpenAPI description: served in Development, separate from the Delivery API's.</summary>
public sealed class ManagementOpenApiTests
{
    [Fact]
    public async Task OpenApi_Development_ManagementDocumentListsPublishAndNotDelivery()
    {
        await using var site = await ManagementSite.StartAsync([], new Dictionary<string, string?>(), development: true);

        using var response = await site.Anonymous.GetAsync(new Uri("/umbraco/openapi/management.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync()).GetProperty("paths");
        var names = paths.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/umbraco/management/api/v1/document/{id}/publish", names);
        Assert.Contains("/umbraco/management/api/v1/tree/document/root", names);
        Assert.DoesNotContain(names, n => n.StartsWith("/umbraco/delivery", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OpenApi_Development_DeliveryDocumentHasNoManagementPaths()
    {
        await using var site = await ManagementSite.StartAsync([], new Dictionary<string, string?>(), development: true);

        using var response = await site.Anonymous.GetAsync(new Uri("/umbraco/openapi/delivery.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync()).GetProperty("paths");
        Assert.DoesNotContain(paths.EnumerateObject(), p => p.Name.StartsWith("/umbraco/management", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OpenApi_Production_IsNotServed()
    {
        await using var site = await ManagementSite.StartAsync();

        using var response = await site.Anonymous.GetAsync(new Uri("/umbraco/openapi/management.json", UriKind.Relative));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}
