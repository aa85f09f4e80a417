using System.Globalization;
using Portal.Core.Programme;
using Portal.Infrastructure.Programme.IndexResults;
using Portal.Web.Features.SignIn;

namespace Portal.Web.Features.Backoffice.IndexResults;

/// <summary>
/// The result form as typed, kept as text so that a refused form comes back exactly as the editor left it. Field ids are
/// the input names (never <c>noi-dung</c>: the layout's main element has that id).
/// </summary>
internal sealed record IndexResultForm(string? Index, string? Year, string? Scope, string? Score, string? MaxScore, string? Rank, string? RankOf,
    string? Source, string? Note)
{
    public const string ProvinceScope = "tinh";

    public static readonly IndexResultForm Empty = new(null, null, null, null, null, null, null, null, null);

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static IndexResultForm Of(IndexResult result) => new(result.Index.ToString(), result.Year.ToString(CultureInfo.InvariantCulture),
        result.IsProvince ? ProvinceScope : result.UnitKey.ToString(), Number(result.Score), Number(result.MaxScore),
        result.Rank?.ToString(CultureInfo.InvariantCulture), result.RankOf?.ToString(CultureInfo.InvariantCulture), result.Source, result.Note);

    /// <summary>A score as Vietnamese editors write it: decimal comma, no trailing zeros.</summary>
    public static string Number(decimal value) => value.ToString("0.##", Vietnamese);

    /// <summary>The index and scope of a new result; null with the errors when either was not chosen.</summary>
    public (ReformIndex Index, Guid UnitKey)? ReadScope(List<FormError> errors)
    {
        var index = ReformIndexes.Parse(Index);
        if (index is null)
        {
            errors.Add(new FormError("chi-so", "Hãy chọn chỉ số."));
        }

        Guid? unit = Scope == ProvinceScope ? IndexResult.Province : Guid.TryParse(Scope, out var key) && key != Guid.Empty ? key : null;
        if (unit is null)
        {
            errors.Add(new FormError("pham-vi", "Hãy chọn tỉnh hoặc một cơ quan, đơn vị."));
        }

        return index is { } i && unit is { } u ? (i, u) : null;
    }

    /// <summary>The figures, or null with a message per field that is not a number.</summary>
    public IndexResultFigures? ReadFigures(List<FormError> errors)
    {
        var before = errors.Count;
        var year = int.TryParse(Year?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : (int?)null;
        if (year is null)
        {
            errors.Add(new FormError("nam", "Năm phải là một số, ví dụ 2023."));
        }

        var score = TryDecimal(Score, out var s) ? s : null;
        if (score is null)
        {
            errors.Add(new FormError("diem", "Điểm phải là một số, ví dụ 86,14."));
        }

        if (!TryDecimal(MaxScore, out var max))
        {
            errors.Add(new FormError("diem-toi-da", "Điểm tối đa phải là một số, ví dụ 100; để trống để dùng điểm tối đa của chỉ số."));
        }

        if (!TryWhole(Rank, out var rank))
        {
            errors.Add(new FormError("hang", "Thứ hạng phải là một số nguyên, ví dụ 43."));
        }

        if (!TryWhole(RankOf, out var rankOf))
        {
            errors.Add(new FormError("tong-so", "Tổng số được xếp hạng phải là một số nguyên, ví dụ 63."));
        }

        return errors.Count == before ? new IndexResultFigures(year!.Value, score!.Value, max, rank, rankOf, Source, Note) : null;
    }

    /// <summary>
    /// Accepts the decimal comma Vietnamese editors type ("86,14") and the dot of copied figures ("86.14"); a text with
    /// both is refused rather than guessed, as is a thousands separator (no index score needs one). Empty is null.
    /// </summary>
    public static bool TryDecimal(string? text, out decimal? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var trimmed = text.Trim();
        if (trimmed.Contains(',', StringComparison.Ordinal) && trimmed.Contains('.', StringComparison.Ordinal))
        {
            return false;
        }

        if (!decimal.TryParse(trimmed.Replace(',', '.'), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture,
                out var parsed))
        {
            return false;
        }

        value = parsed;
        return true;
    }

    private static bool TryWhole(string? text, out int? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (!int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            return false;
        }

        value = parsed;
        return true;
    }

    /// <summary>The input a refusal of Core points at.</summary>
    public static string FieldOf(ProgrammeOperationStatus status) => status switch
    {
        ProgrammeOperationStatus.YearOutOfRange or ProgrammeOperationStatus.DuplicateResult => "nam",
        ProgrammeOperationStatus.ScoreOutOfRange => "diem",
        ProgrammeOperationStatus.RankOutOfRange => "hang",
        ProgrammeOperationStatus.TextTooLong => "ghi-chu",
        ProgrammeOperationStatus.UnitNotFound => "pham-vi",
        _ => string.Empty,
    };

    public static int HttpStatus(ProgrammeOperationStatus status) => status switch
    {
        ProgrammeOperationStatus.NotAllowed => StatusCodes.Status403Forbidden,
        ProgrammeOperationStatus.ResultNotFound => StatusCodes.Status404NotFound,
        ProgrammeOperationStatus.DuplicateResult or ProgrammeOperationStatus.Stale => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };
}

/// <summary>One index's results in the backoffice: newest year first, the province before its units.</summary>
internal sealed record IndexResultTable(ReformIndex Index, IReadOnlyList<IndexResult> Rows);

internal sealed record IndexResultsBackofficePage(bool CanEdit, IReadOnlyList<IndexResultTable> Tables, IReadOnlyList<IndexResultUnit> Units,
    IndexResultForm Form, IReadOnlyList<FormError> Errors, string? Notice);

/// <summary>The edit page; <see cref="Version"/> is the one the form carries (after a stale refusal, still the one the editor saw).</summary>
internal sealed record IndexResultEditPage(IndexResult Result, int Version, bool CanEdit, IndexResultForm Form, IReadOnlyList<FormError> Errors,
    IReadOnlyList<FormError> DeleteErrors);
