using Microsoft.AspNetCore.Mvc;
using Portal.Core.Access;
using Portal.Core.Programme;
using Portal.Infrastructure.Programme.IndexResults;
using Portal.Web.Features.Backoffice.Shell;
using Portal.Web.Features.IndexResults;
using Portal.Web.Features.SignIn;

namespace Portal.Web.Features.Backoffice.IndexResults;

/// <summary>
/// <c>/umbraco/bao-cao/chi-so</c>: PAR Index, SIPAS, PAPI and PCI results by year, of the province and of the units it
/// scores, entered by Sở Nội vụ from the published decisions. Others with the reports section read them. Each change
/// evicts the cached public pages that show the figure, so /ket-qua-chi-so and the unit's page are fresh at once.
/// </summary>
[BackofficeSection(Section.Reports)]
public sealed class IndexResultsController : BackofficeController
{
    public const string Root = "/umbraco/bao-cao/chi-so";
    private const string IndexView = "~/Features/Backoffice/IndexResults/Views/Index.cshtml";
    private const string EditView = "~/Features/Backoffice/IndexResults/Views/Edit.cshtml";

    private IndexResultBook Book => Service<IndexResultBook>();

    private bool CanEdit => ProgrammeAccess.CanEditIndexResults(Actor);

    public static string PathOf(Guid key) => $"{Root}/{key}";

    [HttpGet(Root)]
    public async Task<IActionResult> Index([FromQuery(Name = "thong-bao")] string? notice, CancellationToken cancellationToken) =>
        View(IndexView, await PageAsync(IndexResultForm.Empty, [], Notice(notice), cancellationToken));

    [HttpPost(Root)]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Add([FromForm(Name = "chi-so")] string? index, [FromForm(Name = "nam")] string? year,
        [FromForm(Name = "pham-vi")] string? scope, [FromForm(Name = "diem")] string? score, [FromForm(Name = "diem-toi-da")] string? maxScore,
        [FromForm(Name = "hang")] string? rank, [FromForm(Name = "tong-so")] string? rankOf, [FromForm(Name = "nguon")] string? source,
        [FromForm(Name = "ghi-chu")] string? note, CancellationToken cancellationToken)
    {
        if (!CanEdit)
        {
            return BackofficeResults.Denied();
        }

        var form = new IndexResultForm(index, year, scope, score, maxScore, rank, rankOf, source, note);
        var errors = new List<FormError>();
        var chosen = form.ReadScope(errors);
        var figures = form.ReadFigures(errors);
        if (chosen is not { } target || figures is null)
        {
            return await RefusedAsync(form, errors, StatusCodes.Status400BadRequest, cancellationToken);
        }

        var (status, _) = await Book.CreateAsync(Actor, target.Index, target.UnitKey, figures, cancellationToken);
        if (status != ProgrammeOperationStatus.Success)
        {
            return await RefusedAsync(form, [new FormError(IndexResultForm.FieldOf(status), status.ToVietnamese())], IndexResultForm.HttpStatus(status),
                cancellationToken);
        }

        await IndexResultsOutputCache.EvictAsync(HttpContext, target.UnitKey);
        return Redirect(BackofficeNotices.Link(Root, "da-them"));
    }

    [HttpGet(Root + "/{key:guid}")]
    public async Task<IActionResult> Edit(Guid key, CancellationToken cancellationToken)
    {
        var result = await Book.FindAsync(key, cancellationToken);
        return result is null ? Missing() : View(EditView, new IndexResultEditPage(result, result.Version, CanEdit, IndexResultForm.Of(result), [], []));
    }

    [HttpPost(Root + "/{key:guid}")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Change(Guid key, [FromForm(Name = "phien-ban")] int? version, [FromForm(Name = "nam")] string? year,
        [FromForm(Name = "diem")] string? score, [FromForm(Name = "diem-toi-da")] string? maxScore, [FromForm(Name = "hang")] string? rank,
        [FromForm(Name = "tong-so")] string? rankOf, [FromForm(Name = "nguon")] string? source, [FromForm(Name = "ghi-chu")] string? note,
        CancellationToken cancellationToken)
    {
        if (!CanEdit)
        {
            return BackofficeResults.Denied();
        }

        var result = await Book.FindAsync(key, cancellationToken);
        if (result is null)
        {
            return Missing();
        }

        var form = IndexResultForm.Of(result) with
        {
            Year = year, Score = score, MaxScore = maxScore, Rank = rank, RankOf = rankOf, Source = source, Note = note,
        };
        var errors = new List<FormError>();
        var figures = form.ReadFigures(errors);
        if (figures is null)
        {
            return EditRefused(result, version ?? -1, form, errors, [], StatusCodes.Status400BadRequest);
        }

        // A form without its version cannot prove what the editor saw: treated as stale rather than overwriting.
        var (status, _) = await Book.ChangeAsync(Actor, key, version ?? -1, figures, cancellationToken);
        if (status != ProgrammeOperationStatus.Success)
        {
            return EditRefused(result, version ?? -1, form, [new FormError(IndexResultForm.FieldOf(status), status.ToVietnamese())], [],
                IndexResultForm.HttpStatus(status));
        }

        await IndexResultsOutputCache.EvictAsync(HttpContext, result.UnitKey);
        return Redirect(BackofficeNotices.Link(Root, "da-luu"));
    }

    [HttpPost(Root + "/{key:guid}/xoa")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Delete(Guid key, [FromForm(Name = "phien-ban")] int? version, [FromForm(Name = "xac-nhan")] string? confirmed,
        CancellationToken cancellationToken)
    {
        if (!CanEdit)
        {
            return BackofficeResults.Denied();
        }

        var result = await Book.FindAsync(key, cancellationToken);
        if (result is null)
        {
            return Missing();
        }

        if (!string.Equals(confirmed, "co", StringComparison.Ordinal))
        {
            return EditRefused(result, version ?? -1, IndexResultForm.Of(result), [],
                [new FormError("xac-nhan", "Hãy đánh dấu ô xác nhận trước khi xóa kết quả.")], StatusCodes.Status400BadRequest);
        }

        var status = await Book.DeleteAsync(Actor, key, version ?? -1, cancellationToken);
        if (status != ProgrammeOperationStatus.Success)
        {
            return EditRefused(result, version ?? -1, IndexResultForm.Of(result), [], [new FormError(string.Empty, status.ToVietnamese())],
                IndexResultForm.HttpStatus(status));
        }

        await IndexResultsOutputCache.EvictAsync(HttpContext, result.UnitKey);
        return Redirect(BackofficeNotices.Link(Root, "da-xoa"));
    }

    private async Task<IndexResultsBackofficePage> PageAsync(IndexResultForm form, IReadOnlyList<FormError> errors, string? notice,
        CancellationToken cancellationToken)
    {
        var all = await Book.ListAsync(null, cancellationToken);
        var tables = ReformIndexes.All.Select(i => new IndexResultTable(i, all.Where(r => r.Index == i)
            .OrderByDescending(r => r.Year).ThenBy(r => r.IsProvince ? 0 : 1).ThenBy(r => r.UnitName ?? string.Empty, Core.Text.VietnameseText.Order)
            .ToList())).ToList();
        return new IndexResultsBackofficePage(CanEdit, tables, CanEdit ? Book.Units() : [], form, errors, notice);
    }

    private async Task<IActionResult> RefusedAsync(IndexResultForm form, IReadOnlyList<FormError> errors, int statusCode,
        CancellationToken cancellationToken)
    {
        var view = View(IndexView, await PageAsync(form, errors, null, cancellationToken));
        view.StatusCode = statusCode;
        return view;
    }

    private ViewResult EditRefused(IndexResult result, int version, IndexResultForm form, IReadOnlyList<FormError> errors,
        IReadOnlyList<FormError> deleteErrors, int statusCode)
    {
        var view = View(EditView, new IndexResultEditPage(result, version, CanEdit, form, errors, deleteErrors));
        view.StatusCode = statusCode;
        return view;
    }

    private static ViewResult Missing() => BackofficeResults.Message(StatusCodes.Status404NotFound, "Không tìm thấy kết quả chỉ số",
        ProgrammeOperationStatus.ResultNotFound.ToVietnamese() + " Kết quả có thể đã bị xóa.");

    private static string? Notice(string? code) => code switch
    {
        "da-them" => "Đã thêm kết quả chỉ số. Trang công khai đã được cập nhật.",
        "da-luu" => "Đã lưu thay đổi. Trang công khai đã được cập nhật.",
        "da-xoa" => "Đã xóa kết quả chỉ số.",
        _ => null,
    };
}
