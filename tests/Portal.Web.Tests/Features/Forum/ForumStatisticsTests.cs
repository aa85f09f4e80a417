using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Portal.Core.Access;
using Portal.Core.Forum;
using Portal.Data.Forum;
using Portal.Infrastructure.Forum;
using Portal.Web.Tests.TestHost;
using static Portal.Web.Tests.Features.Forum.ForumTestKit;

namespace Portal.Web.Tests.Features.Forum;

/// <summary>
/// The statistics page over a known history: the host's clock stands on Friday 19/06/2026, Wednesday 03/06/2026 is a
/// configured holiday, and the history is written through the question's own verbs with their dates.
/// </summary>
public sealed class ForumStatisticsTests : IAsyncLifetime
{
    private static readonly DateTime Monday = new(2026, 6, 1, 2, 0, 0, DateTimeKind.Utc);

    private readonly string folder = TestServices.NewDataDirectory();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 6, 19, 3, 0, 0, TimeSpan.Zero));
    private PortalFactory baseFactory = null!;
    private WebApplicationFactory<Program> factory = null!;
    private HttpClient client = null!;

    public Task InitializeAsync()
    {
        baseFactory = new PortalFactory(folder, new Dictionary<string, string?> { ["Portal:Forum:Holidays:99"] = "2026-06-03" });
        factory = baseFactory.WithWebHostBuilder(b => b.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
        client = factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await factory.DisposeAsync();
        await baseFactory.DisposeAsync();
        TestServices.DeleteQuietly(folder);
    }

    [Fact]
    public async Task Statistics_KnownHistoryWithHoliday_MedianPercentileShareAndOverdueList()
    {
        var unit = Unit(factory);
        // Due Thursday 11/06: seven working days after Monday 01/06, the holiday on 03/06 left out.
        await AssignedAsync(unit, "Câu hỏi thongkemot trả lời sau hai ngày", Monday.AddDays(3));
        await AssignedAsync(unit, "Câu hỏi thongkehai trả lời sau sáu ngày", Monday.AddDays(9));
        var late = await AssignedAsync(unit, "Câu hỏi thongkeba chưa trả lời", null);

        var html = await GetAsync(client, ForumPaths.Statistics + "?nam=2026");

        var row = Regex.Match(html, "<th scope=\"row\">" + Regex.Escape(unit.Name) + "</th>(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(row.Success);
        var cells = Regex.Matches(row.Groups[1].Value, "<td>([^<]*)</td>").Select(m => m.Groups[1].Value).ToList();
        // Received 3, answered 2, both on time; the late one is judged too: 2 of 3. Working days 2 and 6: median 4, P90 6.
        Assert.Equal(["3", "2", "2", "66,7 %", "4", "6"], cells);
        Assert.Contains(ForumPaths.Thread(late), html, StringComparison.Ordinal);
        Assert.Contains("11/06/2026", html, StringComparison.Ordinal);
        // Six working days past the due date (12/06 to 19/06), more than the five allowed before it is very overdue.
        Assert.Contains("quá hạn nghiêm trọng", html, StringComparison.Ordinal);
        Assert.Contains("03/06/2026", html, StringComparison.Ordinal);
        Assert.Contains("Cách tính", html, StringComparison.Ordinal);
    }

    /// <summary>A question asked, published and assigned on <see cref="Monday"/>, answered (approved) at <paramref name="answeredAt"/> if given.</summary>
    private async Task<string> AssignedAsync(ForumUnit unit, string title, DateTime? answeredAt)
    {
        var store = factory.Services.GetRequiredService<ForumStore>();
        var policy = factory.Services.GetRequiredService<IOptions<ForumPolicy>>().Value;
        var staff = Actor.System("test");
        var (input, errors) = NewQuestion.Create(QuestionKind.Inquiry, title, "Nội dung câu hỏi dùng cho thống kê.", null, null, null, "Người hỏi",
            "0900000001", policy.Topics);
        Assert.Empty(errors);
        var question = await store.AddAsync(2026, n => Question.Ask(input!, 2026, n, Actor.Anonymous(null), Monday.AddHours(-1)), default);
        var (status, _) = await store.ChangeAsync(question.Key, null, q =>
        {
            var published = q.Publish(staff, q.Title, q.Body, Monday);
            return published != ForumOperationStatus.Success ? published : q.Assign(staff, unit.Key, unit.Name, policy, policy.Calendar(), Monday);
        }, default);
        Assert.Equal(ForumOperationStatus.Success, status);
        if (answeredAt is { } at)
        {
            (status, _) = await store.ChangeAsync(question.Key, null, q =>
            {
                var written = q.WriteAnswer(staff, null, "Trả lời của đơn vị.", [], [], at.AddHours(-2));
                var key = q.Answers[^1].Key;
                return written != ForumOperationStatus.Success ? written
                    : q.SubmitAnswer(staff, key, at.AddHours(-1)) is var submitted && submitted != ForumOperationStatus.Success ? submitted
                    : q.ApproveAnswer(staff, key, at);
            }, default);
            Assert.Equal(ForumOperationStatus.Success, status);
        }

        return question.TrackingCode;
    }
}
