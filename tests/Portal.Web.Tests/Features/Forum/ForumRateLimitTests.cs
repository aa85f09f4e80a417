using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Portal.Infrastructure.Forum;
using Portal.Web.Tests.TestHost;
using static Portal.Web.Tests.Features.Forum.ForumTestKit;

namespace Portal.Web.Tests.Features.Forum;

/// <summary>Public posting is limited per address; its own host, with a limit of two questions an hour.</summary>
public sealed class ForumRateLimitTests
{
    [Fact]
    public async Task Ask_MoreThanAsksPerHourFromOneAddress_429WithVietnameseMessage()
    {
        var folder = TestServices.NewDataDirectory();
        try
        {
            await using var factory = new PortalFactory(folder, new Dictionary<string, string?> { ["Portal:Forum:AsksPerHour"] = "2" });
            using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            var fields = new AskFields("Hỏi về thời hạn cấp giấy phép xây dựng", "Thời hạn cấp giấy phép xây dựng nhà ở riêng lẻ là bao lâu?",
                "Ngô Tuấn", "0911222333").ToForm();

            using var first = await PostAsync(client, ForumPaths.Ask, ForumPaths.Ask, fields);
            using var second = await PostAsync(client, ForumPaths.Ask, ForumPaths.Ask, fields);
            using var third = await PostAsync(client, ForumPaths.Ask, ForumPaths.Ask, fields);

            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
            Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
            Assert.Contains("Bạn đã gửi quá nhiều câu hỏi", await third.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.NotNull(third.Headers.RetryAfter);

            // Reading is never limited.
            await GetAsync(client, ForumPaths.Ask);
        }
        finally
        {
            TestServices.DeleteQuietly(folder);
        }
    }

    [Fact]
    public async Task Track_MoreThanThirtyLookUpsFromOneAddress_429AndTheThirtyFirstIsNotAnswered()
    {
        var folder = TestServices.NewDataDirectory();
        try
        {
            await using var factory = new PortalFactory(folder, new Dictionary<string, string?>());
            using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            var guess = new Dictionary<string, string> { ["code"] = "PAKN-2026-000001", ["contact"] = "0900000000" };

            for (var attempt = 0; attempt < 30; attempt++)
            {
                using var answered = await PostAsync(client, ForumPaths.Track, ForumPaths.Track, guess);
                Assert.NotEqual(HttpStatusCode.TooManyRequests, answered.StatusCode);
            }

            using var refused = await PostAsync(client, ForumPaths.Track, ForumPaths.Track, guess);

            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Contains("Bạn đã tra cứu quá nhiều lần", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            TestServices.DeleteQuietly(folder);
        }
    }
}
