using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Portal.Core.Forum;
using Portal.Core.Text;
using Portal.Data.Forum;
using Portal.Infrastructure.Forum;

namespace Portal.Web.Features.Forum;

/// <summary>
/// The forum as everyone reads it: the list of public questions with filters, one thread with its official answers,
/// readers' reports, and the units' statistics. Not output-cached: the pages carry forms and change with every answer.
/// </summary>
public sealed class ForumSiteController(ForumFrame frame, ForumQueries queries, ForumUnits units, IOptions<ForumPolicy> policy,
    TimeProvider clock) : Controller
{
    /// <summary>Before the site's catch-all routes (<c>int.MaxValue</c> and the procedures' <c>int.MaxValue - 1</c>).</summary>
    internal const int RouteOrder = 100;

    private const string Views = "~/Features/Forum/Views/";

    [HttpGet(ForumPaths.Root, Order = RouteOrder)]
    public async Task<IActionResult> Index([FromQuery(Name = "bao-cao")] string? reported, CancellationToken cancellationToken)
    {
        var query = ForumListQuery.From(Request.Query);
        var result = await queries.ListPublicAsync(query.ToFilter(), cancellationToken);
        var page = new ForumIndexPage
        {
            Heading = "Diễn đàn trao đổi ý kiến",
            Query = query with { Page = result.Page },
            Result = result,
            Topics = policy.Value.Topics.Count > 0 ? policy.Value.Topics : await queries.TopicsInUseAsync(cancellationToken),
            Units = units.All(),
            Message = ReportMessage(reported),
            PreviousPageUrl = result.Page > 1 ? query.Url(result.Page - 1) : null,
            NextPageUrl = result.Page < result.PageCount ? query.Url(result.Page + 1) : null,
        };
        await frame.AttachAsync(page, Request, ForumPaths.Root, cancellationToken);
        NoStore();
        return View(Views + "index.cshtml", page);
    }

    [HttpGet(ForumPaths.Root + "/{code:" + TrackingCodeRouteConstraint.Name + "}", Order = RouteOrder)]
    public async Task<IActionResult> Thread(string code, [FromQuery(Name = "bao-cao")] string? reported, [FromServices] ForumAnswerViews answers,
        CancellationToken cancellationToken)
    {
        var normalized = TrackingCode.Normalize(code)!;
        if (!string.Equals(Request.Path.Value, ForumPaths.Thread(normalized), StringComparison.Ordinal))
        {
            return RedirectPermanent(ForumPaths.Thread(normalized) + Request.QueryString.Value);
        }

        if (await queries.FindByCodeAsync(normalized, cancellationToken) is not { IsPublic: true } question)
        {
            return NotFound();
        }

        var page = new ForumThreadPage
        {
            Heading = question.Title,
            Question = question,
            Answers = await answers.BuildAsync(question, cancellationToken),
            Message = ReportMessage(reported),
        };
        await frame.AttachAsync(page, Request, ForumPaths.Thread(normalized), cancellationToken);
        NoStore();
        return View(Views + "thread.cshtml", page);
    }

    /// <summary>A reader reports the question (no <paramref name="answer"/>) or one answer; the thread hides itself at the threshold.</summary>
    [HttpPost(ForumPaths.Root + "/{code:" + TrackingCodeRouteConstraint.Name + "}/bao-cao", Order = RouteOrder)]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Report(string code, [FromForm] Guid? answer, [FromForm] string? reason, [FromServices] ForumAsking asking,
        CancellationToken cancellationToken)
    {
        var normalized = TrackingCode.Normalize(code)!;
        if (await queries.FindByCodeAsync(normalized, cancellationToken) is not { IsPublic: true } question)
        {
            return NotFound();
        }

        var status = await asking.ReportAsync(question.Key, answer, string.IsNullOrWhiteSpace(reason) ? null : VietnameseText.Nfc(reason.Trim()),
            HttpContext.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        if (status is not (ForumOperationStatus.Success or ForumOperationStatus.AlreadyReported))
        {
            return NotFound();
        }

        if (status == ForumOperationStatus.Success)
        {
            await ForumOutputCache.EvictAsync(HttpContext);
        }

        var outcome = status == ForumOperationStatus.Success ? "da-gui" : "trung";
        var stillPublic = await queries.FindPublicAsync(question.Key, cancellationToken) is not null;
        return Redirect((stillPublic ? ForumPaths.Thread(normalized) : ForumPaths.Root) + "?bao-cao=" + outcome);
    }

    [HttpGet(ForumPaths.Statistics, Order = RouteOrder)]
    public async Task<IActionResult> Statistics([FromQuery(Name = "nam")] int? year, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(VietnamTime.FromUtc(clock.GetUtcNow().UtcDateTime));
        var shown = year is { } y && y >= 2000 && y <= today.Year ? y : today.Year;
        var rules = policy.Value;
        var calendar = rules.Calendar();
        var rows = await queries.AssignedBetweenAsync(new DateOnly(shown, 1, 1), new DateOnly(shown, 12, 31), cancellationToken);
        var statistics = ForumStatistics.Compute(rows, today, calendar);
        var page = new ForumStatisticsPage
        {
            Heading = $"Thống kê trả lời câu hỏi năm {shown}",
            Year = shown,
            Years = [.. Enumerable.Range(today.Year - 4, 5).Reverse()],
            Units = statistics,
            Overdue = [.. statistics.SelectMany(u => u.Overdue).OrderBy(q => q.DueOn).Select(q =>
            {
                var late = calendar.WorkingDaysBetween(q.DueOn, today);
                return new ForumOverdueRow(q, late, late > rules.VeryOverdueAfterDays);
            })],
            Holidays = [.. calendar.Holidays.Where(d => d.Year == shown).Order()],
            Policy = rules,
        };
        await frame.AttachAsync(page, Request, ForumPaths.Statistics, cancellationToken);
        NoStore();
        return View(Views + "statistics.cshtml", page);
    }

    private static string? ReportMessage(string? reported) => reported switch
    {
        "da-gui" => "Cảm ơn bạn đã báo cáo. Ban quản trị diễn đàn sẽ xem xét nội dung này.",
        "trung" => ForumOperationStatus.AlreadyReported.ToVietnamese(),
        _ => null,
    };

    private void NoStore() => Response.Headers.CacheControl = "no-store";
}
