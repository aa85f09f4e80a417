using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Scheduling;
using Portal.Data.Tests.TestHost;

namespace Portal.Data.Tests.Scheduling;

/// <summary>What /healthz reports as the scheduler's broken promise, read on both providers.</summary>
public abstract class ScheduleQueriesTests : DatabaseSuite
{
    [Fact]
    public async Task Overdue_LatePublishAndUnpublish_CountsBothAndNamesTheOldest()
    {
        await using var host = await StartAsync();
        var (_, column) = await host.CreatePublishedSiteAsync();
        var live = await host.CreatePublishedArticleAsync(column, "Bài hết hạn hiển thị");
        var draft = await host.CreateArticleAsync(column, "Bài hẹn giờ đăng");
        var later = await host.CreateArticleAsync(column, "Bài hẹn giờ đăng sau");
        var trashed = await host.CreateArticleAsync(column, "Bài hẹn giờ rồi bỏ vào thùng rác");
        var start = host.Now;
        Assert.True((await host.Publishing.ScheduleAsync(live, null, start.AddMinutes(1), SampleContent.Actor)).Succeeded);
        Assert.True((await host.Publishing.ScheduleAsync(draft, start.AddMinutes(2), null, SampleContent.Actor)).Succeeded);
        Assert.True((await host.Publishing.ScheduleAsync(later, start.AddMinutes(30), null, SampleContent.Actor)).Succeeded);
        Assert.True((await host.Publishing.ScheduleAsync(trashed, start.AddSeconds(30), null, SampleContent.Actor)).Succeeded);
        Assert.True((await host.Structure.TrashAsync(trashed, SampleContent.Actor)).Succeeded);
        host.Clock.Advance(TimeSpan.FromMinutes(10));
        var queries = host.Services.GetRequiredService<ScheduleQueries>();

        var overdue = await queries.OverdueAsync(host.Now.AddSeconds(-60), CancellationToken.None);

        Assert.Equal(new OverdueSchedule(2, live, start.AddMinutes(1)), overdue);
    }

    [Fact]
    public async Task Overdue_DueLessThanTheGraceAgo_None()
    {
        await using var host = await StartAsync();
        var (_, column) = await host.CreatePublishedSiteAsync();
        var draft = await host.CreateArticleAsync(column, "Bài vừa đến giờ đăng");
        Assert.True((await host.Publishing.ScheduleAsync(draft, host.Now.AddMinutes(1), null, SampleContent.Actor)).Succeeded);
        host.Clock.Advance(TimeSpan.FromSeconds(90));

        var overdue = await host.Services.GetRequiredService<ScheduleQueries>().OverdueAsync(host.Now.AddSeconds(-60), CancellationToken.None);

        Assert.Equal(new OverdueSchedule(0, null, null), overdue);
    }
}

public sealed class ScheduleQueriesTestsOnSqlite : ScheduleQueriesTests
{
    private protected override PortalTestDatabase CreateDatabase() => new SqliteTestDatabase();
}

public sealed class ScheduleQueriesTestsOnPostgreSql : ScheduleQueriesTests
{
    private protected override PortalTestDatabase CreateDatabase() => new PostgreSqlTestDatabase();
}
