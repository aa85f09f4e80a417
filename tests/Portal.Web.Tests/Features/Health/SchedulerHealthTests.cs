using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Portal.Core.Access;
using Portal.Core.Workflow;
using Portal.Infrastructure.PublishedCache;
using Portal.Infrastructure.Scheduling;
using Portal.Infrastructure.Search;
using Portal.Web.Tests.TestHost;

namespace Portal.Web.Tests.Features.Health;

/// <summary>
/// The scheduler's promise on /healthz: a scheduled publish more than 60 s late shows up there, with the page that has
/// waited longest. The host runs on a fake clock with its scheduler stopped, as on a site whose scheduler is stuck.
/// </summary>
public sealed class SchedulerHealthTests : IAsyncLifetime
{
    private static readonly Actor Editor = Actor.System("bientap@cchc.kontum.gov.vn");

    private readonly string folder = TestServices.NewEmptyDataDirectory();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));
    private PortalFactory baseFactory = null!;
    private WebApplicationFactory<Program> factory = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        baseFactory = new PortalFactory(folder, new Dictionary<string, string?>());
        factory = baseFactory.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(ScheduledPublishingService)));
        }));
        client = factory.CreateClient();
        // A first start builds the search indexes in the background, and /healthz is degraded until they are ready.
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await factory.Services.GetRequiredService<SearchIndexes>().WhenReadyAsync(patience.Token);
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await factory.DisposeAsync();
        await baseFactory.DisposeAsync();
        TestServices.DeleteQuietly(folder);
    }

    [Fact]
    public async Task Healthz_NothingScheduled_SchedulerHealthy()
    {
        var (status, json) = await HealthAsync();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("healthy", json.GetProperty("status").GetString());
        var scheduler = json.GetProperty("scheduler");
        Assert.Equal("healthy", scheduler.GetProperty("status").GetString());
        Assert.Equal(0, scheduler.GetProperty("overdue").GetInt32());
        Assert.Equal(JsonValueKind.Null, scheduler.GetProperty("oldestDocumentKey").ValueKind);
    }

    [Fact]
    public async Task Healthz_ScheduledPublishMoreThanAMinuteLate_DegradedWithThePageButStillOk()
    {
        var earlier = await ScheduleArticleAsync("Lịch tiếp công dân tháng 3", TimeSpan.FromMinutes(1));
        await ScheduleArticleAsync("Thông báo nghỉ lễ", TimeSpan.FromMinutes(2));
        await ScheduleArticleAsync("Bài hẹn giờ còn xa", TimeSpan.FromHours(1));

        // 08:03:30 in Hà Nội: the first is 150 s late, the second 90 s; the third is not due.
        clock.Advance(TimeSpan.FromSeconds(210));
        var (status, json) = await HealthAsync();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("degraded", json.GetProperty("status").GetString());
        var scheduler = json.GetProperty("scheduler");
        Assert.Equal("degraded", scheduler.GetProperty("status").GetString());
        Assert.Equal(2, scheduler.GetProperty("overdue").GetInt32());
        Assert.Equal(earlier, scheduler.GetProperty("oldestDocumentKey").GetGuid());
        Assert.Equal("2026-03-02T08:01:00+07:00", scheduler.GetProperty("oldestDueAt").GetString());
        Assert.Contains("đến hạn lúc 02/03/2026 08:01", scheduler.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthz_ScheduledPublishLessThanAMinuteLate_StillHealthy()
    {
        await ScheduleArticleAsync("Bài vừa đến hạn", TimeSpan.FromMinutes(1));

        clock.Advance(TimeSpan.FromSeconds(100));
        var (_, json) = await HealthAsync();

        Assert.Equal("healthy", json.GetProperty("scheduler").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Healthz_LateItemThenSchedulerCatchesUp_HealthyAgain()
    {
        await ScheduleArticleAsync("Bài đăng trễ", TimeSpan.FromMinutes(1));
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal("degraded", (await HealthAsync()).Json.GetProperty("status").GetString());

        await factory.Services.GetRequiredService<ContentPublishing>().RunDueScheduleAsync();
        var (_, json) = await HealthAsync();

        Assert.Equal("healthy", json.GetProperty("status").GetString());
        Assert.Equal(0, json.GetProperty("scheduler").GetProperty("overdue").GetInt32());
    }

    private async Task<Guid> ScheduleArticleAsync(string title, TimeSpan dueIn)
    {
        var column = factory.Services.GetRequiredService<PublishedRouteTree>().Resolve("/chuyen-trang-cchc/")!;
        var created = await factory.Services.GetRequiredService<ContentEditing>().CreateAsync("article", column.Key, title, new Dictionary<string, string>
        {
            ["title"] = title,
            ["summary"] = "Tin, bài về cải cách hành chính tỉnh Kon Tum.",
            ["body"] = "<p>Nội dung chi tiết.</p>",
            ["category"] = "[\"Tin tức\"]",
        }, Editor);
        Assert.True(created.Succeeded, created.Status.ToString());
        var key = created.DocumentKey!.Value;
        var scheduled = await factory.Services.GetRequiredService<ContentPublishing>()
            .ScheduleAsync(key, clock.GetUtcNow().UtcDateTime + dueIn, null, Editor);
        Assert.True(scheduled.Succeeded, scheduled.Status.ToString());
        return key;
    }

    private async Task<(HttpStatusCode Status, JsonElement Json)> HealthAsync()
    {
        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        return (response.StatusCode, JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync()));
    }
}
