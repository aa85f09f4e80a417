namespace Portal.Core.Procedures.Import;

/// <summary>
/// Maps the column headers of the national portal's list export (STT, Mã TTHC, Tên TTHC, … Trạng thái) onto national
/// keys, tolerating case, surrounding spaces, NFD text and either tone placement (khoá/khóa, uỷ/ủy). A header that is
/// already a national key (ma_thu_tuc) is accepted too; unknown headers are ignored.
/// </summary>
public static class NationalListColumns
{
    private static readonly Dictionary<string, string> ByFoldedHeader = new(StringComparer.Ordinal)
    {
        ["stt"] = NationalKeys.RowNumber,
        ["ma-tthc"] = NationalKeys.Code,
        ["ma-thu-tuc"] = NationalKeys.Code,
        ["ten-tthc"] = NationalKeys.Name,
        ["ten-thu-tuc"] = NationalKeys.Name,
        ["link-truy-cap"] = NationalKeys.NationalUrl,
        ["so-quyet-dinh"] = NationalKeys.DecisionNumber,
        ["ngay-quyet-dinh"] = NationalKeys.DecisionDate,
        ["co-quan-ban-hanh"] = NationalKeys.DecisionIssuer,
        ["linh-vuc"] = NationalKeys.Field,
        ["cap-thuc-hien"] = NationalKeys.Level,
        ["doi-tuong-thuc-hien"] = NationalKeys.ApplicantTypes,
        ["loai-tthc"] = NationalKeys.Type,
        ["loai-thu-tuc"] = NationalKeys.Type,
        ["tu-khoa"] = NationalKeys.Keywords,
        ["dia-chi-tiep-nhan"] = NationalKeys.ReceivingAddress,
        ["co-quan-thuc-hien"] = NationalKeys.ImplementingAgency,
        ["co-quan-co-tham-quyen"] = NationalKeys.CompetentAgency,
        ["co-quan-phoi-hop"] = NationalKeys.CoordinatingAgency,
        ["co-quan-duoc-uy-quyen"] = NationalKeys.DelegatedAgency,
        ["mo-ta"] = NationalKeys.Description,
        ["trang-thai"] = NationalKeys.Status,
    };

    private static readonly HashSet<string> Keys = typeof(NationalKeys).GetFields()
        .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToHashSet(StringComparer.Ordinal);

    /// <summary>The national key for a header, or null for a column the import does not read.</summary>
    public static string? KeyFor(string header)
    {
        var trimmed = header.Trim().ToLowerInvariant();
        if (Keys.Contains(trimmed))
        {
            return trimmed;
        }

        return ByFoldedHeader.TryGetValue(ImportText.Fold(header), out var key) ? key : null;
    }

    /// <summary>
    /// The national key of each column (null for ignored columns), or null when the row lacks the code or the name
    /// column and so is not a header row.
    /// </summary>
    public static IReadOnlyList<string?>? Map(IReadOnlyList<string> headers)
    {
        var keys = headers.Select(KeyFor).ToList();
        return keys.Contains(NationalKeys.Code) && keys.Contains(NationalKeys.Name) ? keys : null;
    }

    /// <summary>The message for a file whose header row is missing or lacks the required columns.</summary>
    public const string MissingHeaderMessage = "Không tìm thấy dòng tiêu đề có cột «Mã TTHC» và «Tên TTHC».";

    /// <summary>Builds the record of one data row; cells beyond the header and ignored columns are dropped.</summary>
    public static NationalProcedureRecord ToRecord(IReadOnlyList<string?> keys, IReadOnlyList<string> cells, int position, RecordPositionKind positionKind)
    {
        var fields = new Dictionary<string, NationalValue>(StringComparer.Ordinal);
        for (var i = 0; i < keys.Count; i++)
        {
            if (keys[i] is { } key && !fields.ContainsKey(key))
            {
                fields[key] = NationalValue.FromText(i < cells.Count ? cells[i] : string.Empty);
            }
        }

        return new NationalProcedureRecord(position, positionKind, fields);
    }
}
