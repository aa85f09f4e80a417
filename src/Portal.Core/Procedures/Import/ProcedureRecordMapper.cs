using System.Text.RegularExpressions;
using Portal.Core.Schema;
using Portal.Core.Text;

namespace Portal.Core.Procedures.Import;

/// <summary>
/// Turns a national-portal record into the field values of a <c>procedure</c> document, or rejects it with a reason.
/// Pure and deterministic: the same record and units always give byte-identical values.
/// </summary>
/// <remarks>
/// Table fields (steps, channels, dossier, legal basis, results) read either Portal's structured form (arrays of
/// objects) or text scraped from the national portal; scraped text is also kept verbatim in the matching *Source field,
/// which is emptied when the source is structured. Every string is NFC and trimmed; placeholders such as
/// "Không có thông tin" become empty.
/// <para>What a record speaks (<see cref="ProcedureMapping.Aliases"/>): every field whose national key it carries, even
/// empty; <c>localCode</c> only when it carries a full code; <c>postal</c> when it says so or when it lists channels
/// (a "Dịch vụ bưu chính" channel means yes); <c>assignments</c> when it names units (<c>don_vi_thuc_hien</c>) or when
/// <see cref="ProcedureUnitMatcher.Infer"/> finds at least one, so hand-made assignments survive a file that matches none.
/// <c>bieu_mau_dinh_kem</c>, <c>stt</c>, <c>ngay_quyet_dinh</c> and <c>co_quan_ban_hanh</c> map to no procedure field.</para>
/// </remarks>
public sealed partial class ProcedureRecordMapper(ISchemaCatalog catalog)
{
    private static readonly string[] LevelOrder =
        [ProcedureLevels.Province, ProcedureLevels.District, ProcedureLevels.Commune, ProcedureLevels.Ministry, ProcedureLevels.Other];

    private static readonly (string Key, string Alias)[] TextFields =
    [
        (NationalKeys.Type, ProcedureAliases.Type),
        (NationalKeys.DecisionNumber, ProcedureAliases.DecisionNumber),
        (NationalKeys.ReceivingAddress, ProcedureAliases.ReceivingAddress),
        (NationalKeys.ImplementingAgency, ProcedureAliases.ImplementingAgency),
        (NationalKeys.CompetentAgency, ProcedureAliases.CompetentAgency),
        (NationalKeys.DelegatedAgency, ProcedureAliases.DelegatedAgency),
        (NationalKeys.CoordinatingAgency, ProcedureAliases.CoordinatingAgency),
        (NationalKeys.NationalUrl, ProcedureAliases.NationalUrl),
        (NationalKeys.Status, ProcedureAliases.NationalStatus),
        (NationalKeys.Description, ProcedureAliases.Description),
        (NationalKeys.Requirements, ProcedureAliases.Requirements),
        (NationalKeys.ProcessingTime, ProcedureAliases.ProcessingTime),
        (NationalKeys.DossierSets, ProcedureAliases.DossierSets),
    ];

    private static readonly (string Key, string Alias)[] TagFields =
    [
        (NationalKeys.ApplicantTypes, ProcedureAliases.ApplicantTypes),
        (NationalKeys.Keywords, ProcedureAliases.Keywords),
        (NationalKeys.RelatedProcedures, ProcedureAliases.RelatedProcedures),
    ];

    private readonly ProcedureBlocks blocks = new(catalog);

    /// <summary>Maps one record. <paramref name="units"/> are the site's unit pages, for the <c>assignments</c> field.</summary>
    public ProcedureMappingResult Map(NationalProcedureRecord record, IReadOnlyList<ProcedureUnit> units)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var reason = MapInto(record, units, values, out var code, out var name);
        return reason is null
            ? ProcedureMappingResult.Mapped(record, new ProcedureMapping(code, name, values, values.Keys.ToHashSet(StringComparer.Ordinal)))
            : ProcedureMappingResult.Rejected(record, reason);
    }

    private string? MapInto(NationalProcedureRecord record, IReadOnlyList<ProcedureUnit> units, Dictionary<string, string> values, out string code, out string name)
    {
        name = Text(record.Find(NationalKeys.Name), " ");
        var reason = ReadCode(record, values, out code);
        if (reason is not null)
        {
            return reason;
        }

        if (name.Length == 0)
        {
            return "Thiếu tên thủ tục (Tên TTHC).";
        }

        var field = Text(record.Find(NationalKeys.Field), ", ");
        if (field.Length == 0)
        {
            return "Thiếu lĩnh vực (Lĩnh vực) của thủ tục.";
        }

        values[ProcedureAliases.Field] = field;
        reason = ReadLevels(record, out var levels);
        if (reason is not null)
        {
            return reason;
        }

        values[ProcedureAliases.Level] = ProcedureBlocks.List(levels);
        foreach (var (key, alias) in TextFields)
        {
            if (record.Find(key) is { } value)
            {
                values[alias] = Text(value, MultiLine(alias) ? "\n" : ", ");
            }
        }

        foreach (var (key, alias) in TagFields)
        {
            if (record.Find(key) is { } value)
            {
                values[alias] = ProcedureBlocks.List(List(value));
            }
        }

        ReadFee(record, values);
        return ReadOnlineLevel(record, values)
            ?? ReadTables(record, code, values)
            ?? ReadPostal(record, values)
            ?? ReadAssignments(record, code, levels, units, values);
    }

    private static string? ReadCode(NationalProcedureRecord record, Dictionary<string, string> values, out string code)
    {
        var written = Text(record.Find(NationalKeys.Code), string.Empty);
        code = written;
        if (written.Length == 0)
        {
            return "Thiếu mã thủ tục (Mã TTHC).";
        }

        var full = FullCode().Match(written);
        if (full.Success)
        {
            code = full.Groups["code"].Value;
            values[ProcedureAliases.LocalCode] = written;
        }
        else if (!NationalCode().IsMatch(written))
        {
            return $"Mã thủ tục «{written}» không đúng dạng 1.001194 (hoặc mã đầy đủ 1.001612.000.00.00.H34).";
        }

        values[ProcedureAliases.Code] = code;
        if (record.Find(NationalKeys.LocalCode) is not { } localValue)
        {
            return null;
        }

        var local = Text(localValue, string.Empty);
        if (local.Length > 0 && !(FullCode().Match(local) is { Success: true } localMatch && localMatch.Groups["code"].Value == code))
        {
            return $"Mã thủ tục đầy đủ «{local}» không đúng dạng 1.001612.000.00.00.H34 hoặc không khớp với mã thủ tục {code}.";
        }

        values[ProcedureAliases.LocalCode] = local;
        return null;
    }

    private static string? ReadLevels(NationalProcedureRecord record, out List<string> levels)
    {
        levels = [];
        var written = record.Find(NationalKeys.Level) is { } value ? List(value) : [];
        if (written.Count == 0)
        {
            return "Thiếu cấp thực hiện (Cấp thực hiện) của thủ tục.";
        }

        foreach (var level in written)
        {
            if (ProcedureLevels.Normalise(level) is not { } known)
            {
                return $"Cấp thực hiện «{level}» không hợp lệ; chỉ nhận Cấp tỉnh, Cấp huyện, Cấp xã, Cấp bộ hoặc Cơ quan khác.";
            }

            levels.Add(known);
        }

        levels = LevelOrder.Where(levels.Contains).ToList();
        return null;
    }

    private static void ReadFee(NationalProcedureRecord record, Dictionary<string, string> values)
    {
        var charge = record.Find(NationalKeys.Charge);
        var fee = record.Find(NationalKeys.Fee);
        if (charge is null && fee is null)
        {
            return;
        }

        var chargeText = Text(charge, "\n");
        var feeText = Text(fee, "\n");
        values[ProcedureAliases.Fee] = chargeText.Length > 0 && feeText.Length > 0
            ? $"Lệ phí: {chargeText}\nPhí: {feeText}"
            : chargeText + feeText;
    }

    private static string? ReadOnlineLevel(NationalProcedureRecord record, Dictionary<string, string> values)
    {
        if (record.Find(NationalKeys.OnlineLevel) is not { } value)
        {
            return null;
        }

        var written = Text(value, " ");
        if (written.Length == 0)
        {
            values[ProcedureAliases.OnlineLevel] = string.Empty;
            return null;
        }

        var folded = ImportText.Fold(written);
        var digit = DigitLevel().Match(folded);
        var level = folded.Contains("toan-trinh", StringComparison.Ordinal) ? "Toàn trình"
            : folded.Contains("mot-phan", StringComparison.Ordinal) ? "Một phần"
            : digit.Success ? $"Mức độ {digit.Groups["n"].Value}"
            : null;
        if (level is null)
        {
            return $"Mức độ dịch vụ công trực tuyến «{written}» không hợp lệ; chỉ nhận Toàn trình, Một phần hoặc Mức độ 1–4.";
        }

        values[ProcedureAliases.OnlineLevel] = ProcedureBlocks.List([level]);
        return null;
    }

    private static string? ReadPostal(NationalProcedureRecord record, Dictionary<string, string> values)
    {
        foreach (var (key, alias) in new[] { (NationalKeys.PostalReceipt, ProcedureAliases.Postal), (NationalKeys.PostalResult, ProcedureAliases.PostalResult) })
        {
            if (record.Find(key) is not { } value)
            {
                continue;
            }

            var written = Text(value, " ");
            var on = ImportText.Fold(written) switch
            {
                "" or "0" or "false" or "khong" or "no" => false,
                "1" or "true" or "co" or "x" or "yes" => true,
                _ => (bool?)null,
            };
            if (on is null)
            {
                return $"Giá trị «{written}» của {key} không hợp lệ; chỉ nhận có/không (true/false, 1/0).";
            }

            values[alias] = on.Value ? "1" : "0";
        }

        // A file that lists channels but says nothing of postal receipt: a postal channel is the answer.
        if (!values.ContainsKey(ProcedureAliases.Postal) && values.TryGetValue(ProcedureAliases.Channels, out var channels))
        {
            var postal = BlockListValue.Read(channels).Any(b =>
                b.Values.TryGetValue(ProcedureAliases.ChannelKind, out var kind) && kind.Contains("bưu chính", StringComparison.Ordinal));
            values[ProcedureAliases.Postal] = postal ? "1" : "0";
        }

        return null;
    }

    private string? ReadAssignments(NationalProcedureRecord record, string code, List<string> levels, IReadOnlyList<ProcedureUnit> units, Dictionary<string, string> values)
    {
        if (record.Find(NationalKeys.Units) is { } named)
        {
            var pairs = new List<(string Segment, string Level)>();
            foreach (var row in Rows(named, "don_vi"))
            {
                var segment = Cell(row, "don_vi");
                var level = Cell(row, "cap");
                if (level.Length == 0 && levels.Count != 1)
                {
                    return $"Đơn vị «{segment}» cần ghi rõ cấp thực hiện (cap) vì thủ tục có nhiều cấp.";
                }

                pairs.Add((segment, level.Length > 0 ? level : levels[0]));
            }

            var (assignments, unknown) = ProcedureUnitMatcher.Explicit(pairs.Where(p => p.Segment.Length > 0).ToList(), units);
            if (unknown is not null)
            {
                return unknown;
            }

            values[ProcedureAliases.Assignments] = blocks.Assignments(code, assignments);
            return null;
        }

        var agencies = new[] { NationalKeys.ImplementingAgency, NationalKeys.CompetentAgency }
            .Select(k => Text(record.Find(k), ", ")).Where(t => t.Length > 0).ToList();
        var inferred = ProcedureUnitMatcher.Infer(levels, agencies, units);

        // Nothing inferred says nothing: assignments an editor made by hand stay.
        if (inferred.Count > 0)
        {
            values[ProcedureAliases.Assignments] = blocks.Assignments(code, inferred);
        }

        return null;
    }

    private static bool MultiLine(string alias) =>
        alias is ProcedureAliases.Requirements or ProcedureAliases.Description or ProcedureAliases.ReceivingAddress;

    /// <summary>The value as one text: list items and table cells joined.</summary>
    internal static string Text(NationalValue? value, string separator) => value switch
    {
        null => string.Empty,
        { Text: { } text } => ImportText.Meaningful(text),
        { Items: { } items } => string.Join(separator, items.Select(ImportText.Meaningful).Where(i => i.Length > 0)),
        { Rows: { } rows } => string.Join(separator, rows.Select(r => string.Join(" - ", r.Values.Select(ImportText.Meaningful).Where(v => v.Length > 0)))),
        _ => string.Empty,
    };

    internal static IReadOnlyList<string> List(NationalValue value) => value switch
    {
        { Text: { } text } => ImportText.SplitList(text),
        { Items: { } items } => items.Select(ImportText.MeaningfulItem).Where(i => i.Length > 0).Distinct(StringComparer.Ordinal).ToList(),
        _ => ImportText.SplitList(Text(value, ";")),
    };

    /// <summary>Table rows; a list of strings is read as rows whose <paramref name="mainCell"/> is each string.</summary>
    internal static IReadOnlyList<IReadOnlyDictionary<string, string>> Rows(NationalValue value, string mainCell) => value switch
    {
        { Rows: { } rows } => rows,
        { Items: { } items } => items.Select(i => (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { [mainCell] = i }).ToList(),
        { Text: { } text } => ImportText.SplitList(text).Select(i => (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { [mainCell] = i }).ToList(),
        _ => [],
    };

    internal static string Cell(IReadOnlyDictionary<string, string> row, string key) =>
        row.TryGetValue(key, out var cell) ? ImportText.Meaningful(cell) : string.Empty;

    /// <summary>Scraped text as it came, only NFC and trimmed: the reference when the recovered rows are doubted.</summary>
    internal static string Verbatim(string text) => ImportText.IsPlaceholder(ImportText.Clean(text)) ? string.Empty : VietnameseText.Nfc(text).Trim();

    [GeneratedRegex(@"^[0-9]\.[0-9]{6}$")]
    private static partial Regex NationalCode();

    [GeneratedRegex(@"^(?<code>[0-9]\.[0-9]{6})(?:\.[0-9A-Z]+)+$")]
    private static partial Regex FullCode();

    [GeneratedRegex(@"(?:^|-)(?<n>[1-4])$")]
    private static partial Regex DigitLevel();
}
