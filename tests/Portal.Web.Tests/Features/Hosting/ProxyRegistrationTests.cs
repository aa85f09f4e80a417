using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Portal.Web.Tests.TestHost;

namespace Portal.Web.Tests.Features.Hosting;

public sealed class ProxyRegistrationTests : FreshSiteTests
{
    [Fact]
    public async Task SiteFeed_ForwardedHttpsFromLoopbackProxy_LinksUsePublicAddress()
    {
        var feed = await FeedFromAsync(IPAddress.Loopback);

        Assert.Contains("<link>https://cchc.kontum.gov.vn/</link>", feed, StringComparison.Ordinal);
        Assert.DoesNotContain("http://localhost", feed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SiteFeed_ForwardedHeadersFromUnknownAddress_AreIgnored()
    {
        var feed = await FeedFromAsync(IPAddress.Parse("203.0.113.7"));

        Assert.DoesNotContain("cchc.kontum.gov.vn", feed, StringComparison.Ordinal);
        Assert.Contains("<link>http://localhost/</link>", feed, StringComparison.Ordinal);
    }

    private async Task<string> FeedFromAsync(IPAddress remote)
    {
        var context = await Factory.Server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Get;
            c.Request.Path = "/rss.xml";
            c.Request.Host = new HostString("localhost");
            c.Request.Headers["X-Forwarded-Proto"] = "https";
            c.Request.Headers["X-Forwarded-Host"] = "cchc.kontum.gov.vn";
            c.Request.Headers["X-Forwarded-For"] = "198.51.100.20";
            c.Connection.RemoteIpAddress = remote;
        });
        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        using var reader = new StreamReader(context.Response.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }
}
