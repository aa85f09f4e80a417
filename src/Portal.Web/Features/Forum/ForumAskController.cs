using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Portal.Core.Forum;
using Portal.Infrastructure.Forum;

namespace Portal.Web.Features.Forum;

/// <summary>
/// The citizen's side, without an account: ask, confirm the e-mail, follow the question by code and contact, and
/// reopen or close it. The contact travels only in POST bodies, never in a URL, and is shown only on the tracking page.
/// </summary>
public sealed class ForumAskController(ForumFrame frame, ForumAsking asking, ForumUnits units, IOptions<ForumPolicy> policy,
    ForumAnswerViews answers) : Controller
{
    private const string Views = "~/Features/Forum/Views/";
    private const string Thanks = ForumPaths.Ask + "/da-gui";

    [HttpGet(ForumPaths.Ask, Order = ForumSiteController.RouteOrder)]
    public Task<IActionResult> Ask(CancellationToken cancellationToken) =>
        AskPageAsync(new AskForm { Kind = QuestionKind.Inquiry.Slug() }, new Dictionary<string, string>(), cancellationToken);

    [HttpPost(ForumPaths.Ask, Order = ForumSiteController.RouteOrder)]
    [ValidateAntiForgeryToken]
    [EnableRateLimiting(ForumAskRateLimit.Name)]
    public async Task<IActionResult> Ask([FromForm] AskForm form, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(form.Website))
        {
            // A bot filled the field people cannot see: it is told all went well, and nothing is kept.
            return Redirect(Thanks);
        }

        var input = new AskInput(QuestionStatusRules.KindFromSlug(form.Kind), form.Title, form.Body, form.Topic,
            Guid.TryParse(form.Unit, out var unit) && units.Find(unit) is not null ? unit : null, form.Procedure, form.Name, form.Contact);
        var outcome = await asking.AskAsync(input, HttpContext.Connection.RemoteIpAddress?.ToString(), SiteUrl, cancellationToken);
        if (!outcome.Result.Succeeded || outcome.Question is not { } question)
        {
            var errors = outcome.Result.Errors ?? new Dictionary<string, string> { ["title"] = outcome.Result.Status.ToVietnamese() };
            return await AskPageAsync(form, errors, cancellationToken);
        }

        return Redirect($"{Thanks}?ma={question.TrackingCode}&xac-nhan={(question.ContactIsEmail ? "email" : "kiem-duyet")}");
    }

    [HttpGet(Thanks, Order = ForumSiteController.RouteOrder)]
    public async Task<IActionResult> Sent([FromQuery(Name = "ma")] string? code, [FromQuery(Name = "xac-nhan")] string? next,
        CancellationToken cancellationToken)
    {
        var normalized = TrackingCode.Normalize(code);
        var page = new ForumNoticePage
        {
            Heading = "Đã gửi câu hỏi",
            TrackingCode = normalized,
            Paragraphs = next == "email" && normalized is not null
                ?
                [
                    "Cảm ơn bạn đã gửi câu hỏi. Chúng tôi vừa gửi một thư đến địa chỉ e-mail bạn nhập, trong thư có liên kết xác nhận.",
                    $"Vui lòng bấm liên kết đó trong vòng {policy.Value.ConfirmationWindowDays} ngày; câu hỏi chỉ được chuyển kiểm duyệt sau khi bạn xác nhận. Nếu không thấy thư, hãy xem thư mục thư rác.",
                    "Giữ mã theo dõi để tra cứu tình trạng câu hỏi cùng với e-mail của bạn.",
                ]
                :
                [
                    "Cảm ơn bạn đã gửi câu hỏi. Câu hỏi đã được chuyển đến cán bộ kiểm duyệt; sau khi được đăng, câu hỏi sẽ được giao cho đơn vị có thẩm quyền trả lời.",
                    "Giữ mã theo dõi để tra cứu tình trạng câu hỏi cùng với thông tin liên hệ bạn đã nhập.",
                ],
        };
        await frame.AttachAsync(page, Request, ForumPaths.Ask, cancellationToken);
        NoStore();
        return View(Views + "notice.cshtml", page);
    }

    [HttpGet(ForumPaths.Confirm, Order = ForumSiteController.RouteOrder)]
    public async Task<IActionResult> Confirm([FromQuery(Name = "t")] string? token, CancellationToken cancellationToken)
    {
        var (status, question) = await asking.ConfirmAsync(token, HttpContext.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        var confirmed = status == ForumOperationStatus.Success && question is not null;
        var page = new ForumNoticePage
        {
            Heading = confirmed ? "Đã xác nhận câu hỏi" : "Liên kết xác nhận không hợp lệ",
            TrackingCode = confirmed ? question!.TrackingCode : null,
            Paragraphs = confirmed
                ? ["Cảm ơn bạn đã xác nhận địa chỉ e-mail. Câu hỏi đã được chuyển đến cán bộ kiểm duyệt; bạn sẽ nhận e-mail khi có câu trả lời."]
                : ["Liên kết không hợp lệ hoặc đã hết hạn. Nếu câu hỏi chưa được xác nhận trong thời hạn, vui lòng gửi lại câu hỏi."],
        };
        await frame.AttachAsync(page, Request, ForumPaths.Confirm, cancellationToken);
        NoStore();
        Response.StatusCode = confirmed ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        return View(Views + "notice.cshtml", page);
    }

    [HttpGet(ForumPaths.Track, Order = ForumSiteController.RouteOrder)]
    public Task<IActionResult> Track(CancellationToken cancellationToken) =>
        TrackPageAsync(new ForumTrackPage { Heading = TrackHeading }, null, cancellationToken);

    [HttpPost(ForumPaths.Track, Order = ForumSiteController.RouteOrder)]
    [ValidateAntiForgeryToken]
    [EnableRateLimiting(ForumTrackRateLimit.Name)]
    public async Task<IActionResult> Track([FromForm] string? code, [FromForm] string? contact, CancellationToken cancellationToken) =>
        await TrackPageAsync(new ForumTrackPage { Heading = TrackHeading, Code = code, Contact = contact, Searched = true },
            await asking.TrackAsync(code, contact, cancellationToken), cancellationToken);

    [HttpPost(ForumPaths.Track + "/mo-lai", Order = ForumSiteController.RouteOrder)]
    [ValidateAntiForgeryToken]
    [EnableRateLimiting(ForumTrackRateLimit.Name)]
    public async Task<IActionResult> Reopen([FromForm] string? code, [FromForm] string? contact, [FromForm] string? reason,
        CancellationToken cancellationToken)
    {
        var (status, question) = await asking.ReopenAsync(code, contact, reason, HttpContext.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        var failed = status != ForumOperationStatus.Success;
        if (!failed)
        {
            await ForumOutputCache.EvictAsync(HttpContext);
        }

        return await TrackPageAsync(new ForumTrackPage
        {
            Heading = TrackHeading, Code = code, Contact = contact, Searched = true, IsError = failed && status != ForumOperationStatus.ReasonRequired,
            Message = failed ? null : "Đã mở lại câu hỏi. Đơn vị sẽ trả lời lại trước hạn mới.",
            ReopenError = status == ForumOperationStatus.ReasonRequired ? "Vui lòng ghi rõ vì sao câu trả lời chưa giải quyết được vướng mắc." : null,
            ReopenReason = reason,
        }, question ?? await asking.TrackAsync(code, contact, cancellationToken), cancellationToken, failed ? status : null);
    }

    [HttpPost(ForumPaths.Track + "/dong", Order = ForumSiteController.RouteOrder)]
    [ValidateAntiForgeryToken]
    [EnableRateLimiting(ForumTrackRateLimit.Name)]
    public async Task<IActionResult> Close([FromForm] string? code, [FromForm] string? contact, CancellationToken cancellationToken)
    {
        var (status, question) = await asking.CloseAsync(code, contact, HttpContext.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        var failed = status != ForumOperationStatus.Success;
        if (!failed)
        {
            await ForumOutputCache.EvictAsync(HttpContext);
        }

        return await TrackPageAsync(new ForumTrackPage
        {
            Heading = TrackHeading, Code = code, Contact = contact, Searched = true, IsError = failed,
            Message = failed ? null : "Cảm ơn bạn đã xác nhận. Câu hỏi đã được đóng.",
        }, question ?? await asking.TrackAsync(code, contact, cancellationToken), cancellationToken, failed ? status : null);
    }

    private const string TrackHeading = "Tra cứu câu hỏi đã gửi";

    private string SiteUrl => $"{Request.Scheme}://{Request.Host}{Request.PathBase}".TrimEnd('/');

    private async Task<IActionResult> AskPageAsync(AskForm form, IReadOnlyDictionary<string, string> errors, CancellationToken cancellationToken)
    {
        var page = new ForumAskPage { Heading = "Gửi câu hỏi, phản ánh, kiến nghị", Form = form, Errors = errors, Topics = policy.Value.Topics, Units = units.All() };
        await frame.AttachAsync(page, Request, ForumPaths.Ask, cancellationToken);
        NoStore();
        Response.StatusCode = errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        return View(Views + "ask.cshtml", page);
    }

    /// <summary>
    /// The asker's view of their question. A failed reopen or close keeps the page and says why; a wrong code and a wrong
    /// contact read the same, so the page tells nobody which questions exist.
    /// </summary>
    private async Task<IActionResult> TrackPageAsync(ForumTrackPage page, Question? question, CancellationToken cancellationToken,
        ForumOperationStatus? failure = null)
    {
        var shown = new ForumTrackPage
        {
            Heading = page.Heading, Code = page.Code, Contact = page.Contact, Searched = page.Searched, Question = question,
            Answers = question is null ? [] : await answers.BuildAsync(question, cancellationToken),
            CanReopen = answers.CanReopen(question),
            ReopenReason = page.ReopenReason, ReopenError = page.ReopenError,
            IsError = page.IsError || (page.Searched && question is null),
            Message = failure is { } status && status != ForumOperationStatus.ReasonRequired && question is not null
                ? status.ToVietnamese()
                : page.Message,
        };
        await frame.AttachAsync(shown, Request, ForumPaths.Track, cancellationToken);
        NoStore();
        Response.StatusCode = shown.ReopenError is not null ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        return View(Views + "track.cshtml", shown);
    }

    private void NoStore() => Response.Headers.CacheControl = "no-store";
}
