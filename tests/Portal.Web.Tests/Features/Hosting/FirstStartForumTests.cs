using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Forum;
using Portal.Data.Forum;
using Portal.Infrastructure.Forum;
using Portal.Web.Tests.TestHost;

namespace Portal.Web.Tests.Features.Hosting;

/// <summary>The demo site's forum after a first start: answered threads to read and questions waiting for a moderator.</summary>
public sealed class FirstStartForumTests : FreshSiteTests
{
    [Fact]
    public async Task FirstStart_DemoContent_ForumHasAnsweredPublicQuestionsAndPendingOnes()
    {
        var queries = Factory.Services.GetRequiredService<ForumQueries>();

        var answered = await queries.LatestAnsweredAsync(20, CancellationToken.None);
        var pending = await queries.AwaitingModerationAsync(CancellationToken.None);
        var all = await queries.ListPublicAsync(new ForumListFilter(PageSize: 100), CancellationToken.None);

        Assert.True(answered.Count >= 3, $"{answered.Count} answered questions");
        Assert.NotEmpty(pending);
        Assert.All(pending, p => Assert.Equal(QuestionStatus.Submitted, p.Status));
        var thread = await queries.FindPublicAsync(answered[0].Key, CancellationToken.None);
        Assert.NotNull(thread);
        var answer = Assert.Single(thread.PublishedAnswers);
        Assert.NotEmpty(answer.Citations);
        Assert.Contains(all.Items, i => i.Status == QuestionStatus.Transferred);
        Assert.DoesNotContain(all.Items, i => i.Status is QuestionStatus.Submitted or QuestionStatus.Rejected);
        var every = (await queries.ListAllAsync(new ForumListFilter(PageSize: 100), null, CancellationToken.None)).Items;
        Assert.Equal(Enum.GetValues<QuestionStatus>().Except([QuestionStatus.Published]).Order(), every.Select(i => i.Status).Distinct().Order());
        var today = DateOnly.FromDateTime(Portal.Core.Text.VietnamTime.FromUtc(DateTime.UtcNow));
        Assert.Contains(every, i => i.Status == QuestionStatus.Assigned && i.DueOn < today);
        Assert.Contains(every, i => i.Status == QuestionStatus.Assigned && i.DueOn >= today);
    }

    [Fact]
    public async Task SeedAsync_ForumAlreadyHasQuestions_AddsNothing()
    {
        var queries = Factory.Services.GetRequiredService<ForumQueries>();
        var before = (await queries.ListAllAsync(new ForumListFilter(PageSize: 100), null, CancellationToken.None)).Total;

        await Factory.Services.GetRequiredService<ForumDemoSeeder>().SeedAsync(CancellationToken.None);

        Assert.Equal(before, (await queries.ListAllAsync(new ForumListFilter(PageSize: 100), null, CancellationToken.None)).Total);
        Assert.True(before >= 10, $"{before} seeded questions");
    }
}
