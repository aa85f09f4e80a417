using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Portal.Core.Programme;
using Portal.Infrastructure.Caching;
using Portal.Infrastructure.Exports;
using Portal.Infrastructure.Programme.Training;
using Portal.Web.Features.Backoffice.Shell;
using Portal.Web.Features.SignIn;

namespace Portal.Web.Features.Backoffice.Training;

/// <summary>
/// Training courses (plan II.1) for Sở Nội vụ and the units: the courses with the places taken per level, one course's
/// registration form and participants, and the participant list as a workbook. Not a section of its own: any unit's
/// people and the trackers open it (<see cref="ProgrammeAccess.CanOpenTraining"/>), others get the 403 page.
/// </summary>
[BackofficeSection(null)]
public sealed class TrainingController : BackofficeController
{
    public const string Root = "/umbraco/tap-huan";
    private const string Course = Root + "/{courseKey:guid}";
    private const string IndexView = "~/Features/Backoffice/Training/Views/Index.cshtml";
    private const string CourseView = "~/Features/Backoffice/Training/Views/Course.cshtml";

    public static string CoursePath(Guid courseKey) => $"{Root}/{courseKey}";

    [HttpGet(Root)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        if (!ProgrammeAccess.CanOpenTraining(Actor))
        {
            return BackofficeResults.Denied();
        }

        return View(IndexView, new TrainingIndexScreen(await Service<TrainingDesk>().OverviewAsync(cancellationToken),
            ProgrammeAccess.IsTracker(Actor)));
    }

    [HttpGet(Course)]
    public async Task<IActionResult> Show(Guid courseKey, [FromQuery(Name = "thong-bao")] string? notice, CancellationToken cancellationToken)
    {
        if (!ProgrammeAccess.CanOpenTraining(Actor))
        {
            return BackofficeResults.Denied();
        }

        var screen = await ScreenAsync(courseKey, Notice(notice), [], RegistrationForm.Empty, cancellationToken);
        return screen is null ? BackofficeResults.Missing() : View(CourseView, screen);
    }

    [HttpPost(Course + "/dang-ky")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Register(Guid courseKey, [FromForm(Name = "don-vi")] string? unit, [FromForm(Name = "ho-ten")] string? fullName,
        [FromForm(Name = "chuc-vu")] string? position, [FromForm(Name = "dien-thoai")] string? phone, [FromForm(Name = "email")] string? email,
        CancellationToken cancellationToken)
    {
        if (!ProgrammeAccess.CanOpenTraining(Actor))
        {
            return BackofficeResults.Denied();
        }

        var form = new RegistrationForm(unit, fullName, position, phone, email);
        if (!Guid.TryParse(unit, out var unitKey))
        {
            return await RefusedAsync(courseKey, StatusCodes.Status400BadRequest, [new FormError("don-vi", "Vui lòng chọn đơn vị.")], form,
                cancellationToken);
        }

        var (status, _) = await Service<TrainingDesk>().RegisterAsync(Actor, courseKey, unitKey, new ParticipantInput(fullName, position, phone, email),
            cancellationToken);
        if (status == ProgrammeOperationStatus.Success)
        {
            await EvictAsync(courseKey, cancellationToken);
            return LocalRedirect(BackofficeNotices.Link(CoursePath(courseKey), "da-dang-ky") + "#danh-sach");
        }

        return status == ProgrammeOperationStatus.CourseNotFound
            ? BackofficeResults.Missing()
            : await RefusedAsync(courseKey, StatusOf(status), [new FormError(FieldOf(status), status.ToVietnamese())], form, cancellationToken);
    }

    [HttpPost(Course + "/huy/{registrationKey:guid}")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Withdraw(Guid courseKey, Guid registrationKey, CancellationToken cancellationToken)
    {
        if (!ProgrammeAccess.CanOpenTraining(Actor))
        {
            return BackofficeResults.Denied();
        }

        var status = await Service<TrainingDesk>().WithdrawAsync(Actor, courseKey, registrationKey, cancellationToken);
        if (status == ProgrammeOperationStatus.Success)
        {
            await EvictAsync(courseKey, cancellationToken);
            return LocalRedirect(BackofficeNotices.Link(CoursePath(courseKey), "da-huy") + "#danh-sach");
        }

        return await RefusedAsync(courseKey, StatusOf(status), [new FormError(string.Empty, status.ToVietnamese())], RegistrationForm.Empty,
            cancellationToken);
    }

    /// <summary>The participant list as a workbook: every unit's people for a tracker, the actor's own units' people otherwise.</summary>
    [HttpGet(Course + "/danh-sach.xlsx")]
    public async Task<IActionResult> Export(Guid courseKey, CancellationToken cancellationToken)
    {
        if (!ProgrammeAccess.CanOpenTraining(Actor))
        {
            return BackofficeResults.Denied();
        }

        var roster = await Service<TrainingDesk>().RosterAsync(courseKey, Actor, cancellationToken);
        return roster is null
            ? BackofficeResults.Missing()
            : File(XlsxWriter.ToBytes(TrainingParticipantList.Of(roster)), XlsxWriter.ContentType, "danh-sach-hoc-vien.xlsx");
    }

    private async Task<IActionResult> RefusedAsync(Guid courseKey, int statusCode, IReadOnlyList<FormError> errors, RegistrationForm form,
        CancellationToken cancellationToken)
    {
        var screen = await ScreenAsync(courseKey, null, errors, form, cancellationToken);
        if (screen is null)
        {
            return BackofficeResults.Missing();
        }

        var result = View(CourseView, screen);
        result.StatusCode = statusCode;
        return result;
    }

    private async Task<TrainingCourseScreen?> ScreenAsync(Guid courseKey, string? notice, IReadOnlyList<FormError> errors, RegistrationForm form,
        CancellationToken cancellationToken)
    {
        var desk = Service<TrainingDesk>();
        var roster = await desk.RosterAsync(courseKey, Actor, cancellationToken);
        if (roster is null)
        {
            return null;
        }

        var units = await desk.UnitsAsync(Actor, cancellationToken);
        return new TrainingCourseScreen(roster, units, desk.HasEnded(roster.Course), ProgrammeAccess.IsTracker(Actor), notice, errors, form);
    }

    /// <summary>The public course page shows the places taken; it is cached, so a change evicts the course's page.</summary>
    private async Task EvictAsync(Guid courseKey, CancellationToken cancellationToken) =>
        await Service<IOutputCacheStore>().EvictByTagAsync(ContentCacheTags.Branch(courseKey), cancellationToken);

    private static string? Notice(string? code) => code switch
    {
        "da-dang-ky" => "Đã đăng ký học viên.",
        "da-huy" => "Đã hủy đăng ký học viên; chỗ đã được trả lại cho đơn vị.",
        _ => null,
    };

    private static int StatusOf(ProgrammeOperationStatus status) => status switch
    {
        ProgrammeOperationStatus.NotAllowed => StatusCodes.Status403Forbidden,
        ProgrammeOperationStatus.RegistrationNotFound or ProgrammeOperationStatus.UnitNotFound => StatusCodes.Status404NotFound,
        ProgrammeOperationStatus.QuotaFull or ProgrammeOperationStatus.DuplicateParticipant or ProgrammeOperationStatus.CourseEnded
            => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };

    private static string FieldOf(ProgrammeOperationStatus status) => status switch
    {
        ProgrammeOperationStatus.NameRequired or ProgrammeOperationStatus.DuplicateParticipant => "ho-ten",
        ProgrammeOperationStatus.NotAllowed or ProgrammeOperationStatus.UnitNotFound or ProgrammeOperationStatus.UnitLevelUnknown
            or ProgrammeOperationStatus.LevelNotInvited or ProgrammeOperationStatus.QuotaFull => "don-vi",
        _ => string.Empty,
    };
}

internal sealed record TrainingIndexScreen(IReadOnlyList<CourseOverview> Courses, bool Tracker);

/// <summary>What the person typed, shown again when the registration is refused.</summary>
internal sealed record RegistrationForm(string? Unit, string? FullName, string? Position, string? Phone, string? Email)
{
    public static readonly RegistrationForm Empty = new(null, null, null, null, null);
}

internal sealed record TrainingCourseScreen(CourseRoster Roster, IReadOnlyList<TrainingUnit> Units, bool Ended, bool Tracker, string? Notice,
    IReadOnlyList<FormError> Errors, RegistrationForm Form)
{
    public string Url => TrainingController.CoursePath(Roster.Course.Key);
}
