using Microsoft.AspNetCore.Mvc;
using Portal.Core.Access;
using Portal.Core.Forum;
using Portal.Data.Forum;
using Portal.Infrastructure.Forum;
using Portal.Web.Features.Backoffice.Shell;

namespace Portal.Web.Features.Backoffice.Forum;

/// <summary>
/// The forum section's home. Moderators (Sở Nội vụ) see every queue with its size — to moderate, to assign, reported,
/// being answered with the deadline state — and can search all questions; a unit's people see only what their units owe
/// and the answers waiting for their approvers.
/// </summary>
[BackofficeSection(Section.Forum)]
public sealed class ForumSectionController : ForumBackofficeController
{
    private const int PageSize = 20;

    /// <summary>A unit's queue is small; each question is read whole to tell where its answer stands.</summary>
    private const int UnitQueueLimit = 200;

    private WorkingCalendar? calendar;

    [HttpGet(ForumPaths.Backoffice)]
    public async Task<IActionResult> Index([FromQuery(Name = "trang-thai")] string? status, [FromQuery(Name = "tim")] string? search,
        [FromQuery(Name = "trang")] int page, CancellationToken cancellationToken)
    {
        var queries = Service<ForumQueries>();
        var moderator = ForumAccess.IsModerator(Actor);
        var units = moderator ? null : ForumAccess.UnitsOf(Actor);
        var filter = new ForumListFilter(Status: QuestionStatusRules.StatusFromSlug(status), Search: search, Page: Math.Max(1, page),
            PageSize: PageSize);
        var all = await queries.ListAllAsync(filter, units, cancellationToken);
        var queues = moderator ? await ModeratorQueuesAsync(queries, cancellationToken) : await UnitQueuesAsync(queries, units!, cancellationToken);
        return View("~/Features/Backoffice/Forum/Views/Index.cshtml",
            new ForumSectionPage(moderator, queues, all, all.Items.Select(i => Row(i, null)).ToList(), filter.Status, search));
    }

    private async Task<IReadOnlyList<ForumQueue>> ModeratorQueuesAsync(ForumQueries queries, CancellationToken cancellationToken)
    {
        var moderation = await queries.AwaitingModerationAsync(cancellationToken);
        var assignment = await queries.AwaitingAssignmentAsync(cancellationToken);
        var reported = await queries.ReportedAsync(cancellationToken);
        var answering = await queries.AwaitingAnswerAsync(null, cancellationToken);
        return
        [
            new ForumQueue("cho-kiem-duyet", "Chờ kiểm duyệt", "Không có câu hỏi nào chờ kiểm duyệt.", Rows(moderation)),
            new ForumQueue("cho-phan-cong", "Chờ phân công", "Không có câu hỏi nào chờ phân công đơn vị.", Rows(assignment)),
            new ForumQueue("bi-bao-cao", "Bị báo cáo", "Không có nội dung nào bị báo cáo.", Rows(reported)),
            new ForumQueue("dang-xu-ly", "Đang xử lý", "Không có câu hỏi nào đang chờ đơn vị trả lời.", Rows(answering)),
        ];
    }

    private async Task<IReadOnlyList<ForumQueue>> UnitQueuesAsync(ForumQueries queries, IReadOnlySet<Guid> units, CancellationToken cancellationToken)
    {
        var owed = await queries.AwaitingAnswerAsync(units, cancellationToken);
        var rows = new List<ForumRow>(owed.Count);
        var approval = new List<ForumRow>();
        foreach (var item in owed.Take(UnitQueueLimit))
        {
            var question = await queries.FindAsync(item.Key, cancellationToken);
            var current = question?.Answers.Where(a => a.UnitKey == question.AssignedUnitKey).OrderBy(a => a.UpdatedAt).LastOrDefault();
            var row = Row(item, current is null ? "Chưa có" : current.Status.ToVietnamese());
            rows.Add(row);
            if (current?.Status == AnswerStatus.PendingApproval)
            {
                approval.Add(row);
            }
        }

        return
        [
            new ForumQueue("can-tra-loi", "Câu hỏi đơn vị cần trả lời", "Đơn vị không có câu hỏi nào cần trả lời.", rows),
            new ForumQueue("cho-duyet", "Câu trả lời chờ duyệt", "Không có câu trả lời nào chờ duyệt.", approval),
        ];
    }

    private List<ForumRow> Rows(IReadOnlyList<ForumListItem> items) => items.Select(i => Row(i, null)).ToList();

    private ForumRow Row(ForumListItem item, string? answerState)
    {
        calendar ??= Policy.Calendar();
        return new ForumRow(item, ForumText.Deadline(item.Status, item.DueOn, Today, calendar, Policy), answerState);
    }
}
