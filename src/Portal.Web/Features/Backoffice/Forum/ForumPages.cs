using Portal.Core.Forum;
using Portal.Core.Text;
using Portal.Data.Forum;
using Portal.Infrastructure.Forum;
using Portal.Web.Features.SignIn;

namespace Portal.Web.Features.Backoffice.Forum;

/// <summary>One queue of the section's home, its size in the heading so moderators see the load at a glance.</summary>
internal sealed record ForumQueue(string Id, string Title, string Empty, IReadOnlyList<ForumRow> Rows);

/// <summary>A question in a list, with its deadline state on today's Vietnam date and, for units, where its answer stands.</summary>
internal sealed record ForumRow(ForumListItem Item, DeadlineState Deadline, string? AnswerState)
{
    public string DueText => ForumText.Date(Item.DueOn);
}

internal sealed record ForumSectionPage(bool IsModerator, IReadOnlyList<ForumQueue> Queues, ForumListPage All, IReadOnlyList<ForumRow> AllRows,
    QuestionStatus? Status, string? Search)
{
    /// <summary>The list's address for another page, keeping the filter.</summary>
    public string PageUrl(int page)
    {
        var query = new List<string>();
        if (Status is { } status)
        {
            query.Add("trang-thai=" + status.Slug());
        }

        if (!string.IsNullOrWhiteSpace(Search))
        {
            query.Add("tim=" + Uri.EscapeDataString(Search));
        }

        query.Add("trang=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return ForumPaths.Backoffice + "?" + string.Join("&", query) + "#tat-ca";
    }
}

/// <summary>A file of the media library an answer may attach.</summary>
internal sealed record ForumMediaChoice(Guid Key, string Name);

/// <summary>
/// What a refused form sent, so the page shows it again with the message instead of losing the typed text.
/// <see cref="Form"/> names the form that failed; other forms keep their usual values.
/// </summary>
internal sealed record ForumFormState(string? Form, IReadOnlyDictionary<string, string> Values, IReadOnlyList<FormError> Errors)
{
    public static readonly ForumFormState None = new(null, new Dictionary<string, string>(), []);

    public string? Value(string form, string field) => Form == form && Values.TryGetValue(field, out var value) ? value : null;
}

/// <summary>The masked text proposed to the moderator, and where personal data was found.</summary>
internal sealed record ForumPublishProposal(string Title, string Body, IReadOnlyList<string> Findings);

internal sealed record ForumQuestionPage(Question Question, ForumAbilities Can, DeadlineState Deadline, IReadOnlyList<ForumUnit> Units,
    ForumPublishProposal? Proposal, Answer? EditableAnswer, bool AnswerPending, IReadOnlyList<ForumMediaChoice> MediaChoices,
    IReadOnlyDictionary<Guid, string> MediaNames, string? Notice, ForumFormState Form)
{
    public string Url => ForumPaths.BackofficeQuestion(Question.Key);
}

/// <summary>What the signed-in person may do with this question; the forms shown follow it, Core checks again on each verb.</summary>
internal sealed record ForumAbilities(bool Moderate, bool Transfer, bool WriteAnswer, bool ApproveAnswer)
{
    public static ForumAbilities Of(Portal.Core.Access.Actor actor, Question question) => new(
        ForumAccess.IsModerator(actor),
        ForumAccess.CanTransfer(actor, question.AssignedUnitKey),
        ForumAccess.CanWriteAnswer(actor, question.AssignedUnitKey),
        ForumAccess.CanApproveAnswer(actor, question.AssignedUnitKey));
}

internal static class ForumText
{
    public static string Date(DateOnly? day) =>
        day is { } d ? d.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) : "—";

    public static string Time(DateTime? utc) => utc is { } at ? VietnamTime.Display(at) : "—";

    /// <summary>Citizens act without an account and the system by name; neither is a person staff could contact.</summary>
    public static string ActorOf(QuestionTimelineEntry entry) => entry.ActorKey is not null ? entry.Actor
        : entry.Actor == Portal.Core.Access.Actor.AnonymousName ? "Người hỏi" : "Hệ thống";

    public static string? Label(this DeadlineState state) => state switch
    {
        DeadlineState.OnTime => "Trong hạn",
        DeadlineState.Overdue => "Quá hạn",
        DeadlineState.VeryOverdue => "Quá hạn nghiêm trọng",
        _ => null,
    };

    /// <summary>The deadline badge in the backoffice's colours: green on time, amber overdue, red very overdue.</summary>
    public static string BadgeClass(this DeadlineState state) => state switch
    {
        DeadlineState.OnTime => "badge live",
        DeadlineState.Overdue => "badge draft",
        _ => "badge trashed",
    };

    public static string ToVietnamese(this AnswerStatus status) => status switch
    {
        AnswerStatus.Draft => "Bản nháp",
        AnswerStatus.PendingApproval => "Chờ duyệt",
        AnswerStatus.Published => "Đã công bố",
        AnswerStatus.Returned => "Bị trả lại",
        _ => status.ToString(),
    };

    /// <summary>The same rule as <see cref="Question.Deadline"/>, for list rows that carry only the status and due date.</summary>
    public static DeadlineState Deadline(QuestionStatus status, DateOnly? dueOn, DateOnly today, WorkingCalendar calendar, ForumPolicy policy)
    {
        if (!status.AwaitsAnswer() || dueOn is not { } due)
        {
            return DeadlineState.None;
        }

        if (today <= due)
        {
            return DeadlineState.OnTime;
        }

        return calendar.WorkingDaysBetween(due, today) > policy.VeryOverdueAfterDays ? DeadlineState.VeryOverdue : DeadlineState.Overdue;
    }
}

/// <summary>
/// Each outcome of a forum verb once: the HTTP status of the refusal, and the notice a successful change redirects with
/// (codes, never text from the address, so a link cannot make the page say anything else).
/// </summary>
internal static class ForumOutcomes
{
    public static int HttpStatus(ForumOperationStatus status) => status switch
    {
        ForumOperationStatus.Forbidden => StatusCodes.Status403Forbidden,
        ForumOperationStatus.NotFound or ForumOperationStatus.AnswerNotFound => StatusCodes.Status404NotFound,
        ForumOperationStatus.Conflict or ForumOperationStatus.WrongStatus or ForumOperationStatus.NotConfirmed
            or ForumOperationStatus.AnswerNotEditable or ForumOperationStatus.AnswerNotPending => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };

    public static string? Notice(string? code, Question question) => code switch
    {
        "da-dang" => question.AssignedUnitName is { } unit
            ? $"Đã đăng câu hỏi và giao {unit} trả lời; hạn trả lời {ForumText.Date(question.DueOn)}."
            : "Đã đăng câu hỏi công khai. Câu hỏi đang chờ phân công đơn vị trả lời.",
        "da-khong-dang" => "Đã không đăng câu hỏi; người hỏi được báo lý do qua e-mail (nếu có).",
        "da-phan-cong" => $"Đã giao {question.AssignedUnitName} trả lời; hạn trả lời {ForumText.Date(question.DueOn)}.",
        "da-chuyen" => question.Status == QuestionStatus.Transferred
            ? $"Đã chuyển câu hỏi đến {question.TransferredTo}."
            : $"Đã chuyển câu hỏi cho {question.AssignedUnitName}; hạn trả lời {ForumText.Date(question.DueOn)}.",
        "da-dong" => "Đã đóng câu hỏi.",
        "da-hien-lai" => "Đã hiện lại nội dung bị báo cáo.",
        "da-go-bo" => "Đã gỡ bỏ nội dung bị báo cáo.",
        "da-luu-nhap" => "Đã lưu bản nháp câu trả lời.",
        "da-gui-duyet" => "Đã gửi câu trả lời để lãnh đạo đơn vị duyệt.",
        "da-duyet" => "Đã duyệt và công bố câu trả lời; người hỏi được báo qua e-mail (nếu có).",
        "da-tra-lai" => "Đã trả lại câu trả lời cho người viết.",
        _ => null,
    };
}
