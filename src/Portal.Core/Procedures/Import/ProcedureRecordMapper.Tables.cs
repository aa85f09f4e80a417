namespace Portal.Core.Procedures.Import;

public sealed partial class ProcedureRecordMapper
{
    /// <summary>Steps, channels, dossier, legal basis and results, each with its verbatim source field.</summary>
    private string? ReadTables(NationalProcedureRecord record, string code, Dictionary<string, string> values)
    {
        if (record.Find(NationalKeys.Steps) is { } steps)
        {
            var parsed = steps.Text is { } text ? StepTextParser.Parse(text) : Strings(steps, "buoc");
            values[ProcedureAliases.Steps] = blocks.Steps(code, parsed);
            values[ProcedureAliases.StepsSource] = Source(steps);
        }

        if (record.Find(NationalKeys.Channels) is { } channels)
        {
            var reason = ReadChannels(channels, out var parsed);
            if (reason is not null)
            {
                return reason;
            }

            values[ProcedureAliases.Channels] = blocks.Channels(code, parsed);
            values[ProcedureAliases.ChannelsSource] = Source(channels);
        }

        if (record.Find(NationalKeys.Dossier) is { } dossier)
        {
            var reason = ReadDossier(dossier, out var parsed);
            if (reason is not null)
            {
                return reason;
            }

            values[ProcedureAliases.Dossier] = blocks.Dossier(code, parsed);
            values[ProcedureAliases.DossierSource] = Source(dossier);
        }

        if (record.Find(NationalKeys.LegalBasis) is { } legal)
        {
            var parsed = legal.Text is { } text ? LegalBasisTextParser.Parse(text)
                : Rows(legal, "ten_van_ban")
                    .Select(r => (Number: Cell(r, "so_hieu"), Title: Cell(r, "ten_van_ban")))
                    .Where(d => d.Number.Length > 0 || d.Title.Length > 0)
                    .Select(d => new ParsedLegalDocument(d.Number.Length > 0 ? d.Number : LegalBasisTextParser.FindNumber(d.Title), d.Title))
                    .ToList();
            values[ProcedureAliases.LegalBasis] = blocks.LegalBasis(code, parsed);
            values[ProcedureAliases.LegalBasisSource] = Source(legal);
        }

        if (record.Find(NationalKeys.Results) is { } results)
        {
            var reason = ReadResults(results, out var parsed);
            if (reason is not null)
            {
                return reason;
            }

            values[ProcedureAliases.Results] = blocks.Results(code, parsed);
            values[ProcedureAliases.ResultsSource] = Source(results);
        }

        return null;
    }

    private static string? ReadChannels(NationalValue value, out IReadOnlyList<ParsedChannel> parsed)
    {
        if (value.Text is { } text)
        {
            parsed = ChannelTextParser.Parse(text);
            return null;
        }

        var channels = new List<ParsedChannel>();
        parsed = channels;
        var rows = Rows(value, "hinh_thuc_nop");
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var written = Cell(row, "hinh_thuc_nop");
            if (written.Length == 0 && row.Values.All(v => ImportText.Meaningful(v).Length == 0))
            {
                continue;
            }

            if (ChannelTextParser.NormaliseKind(written) is not { } kind)
            {
                return $"Cách thức thực hiện, dòng {i + 1}: hình thức nộp «{written}» không hợp lệ; chỉ nhận Trực tiếp, Trực tuyến hoặc Dịch vụ bưu chính.";
            }

            channels.Add(ChannelTextParser.FromCells(kind, Cell(row, "thoi_han"), Cell(row, "phi_le_phi"), Cell(row, "mo_ta")));
        }

        return null;
    }

    private static string? ReadDossier(NationalValue value, out IReadOnlyList<ParsedDossierItem> parsed)
    {
        if (value.Text is { } text)
        {
            parsed = DossierTextParser.Parse(text);
            return null;
        }

        var items = new List<ParsedDossierItem>();
        parsed = items;
        var rows = Rows(value, "ten_giay_to");
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var name = Cell(row, "ten_giay_to");
            if (name.Length == 0)
            {
                if (row.Values.All(v => ImportText.Meaningful(v).Length == 0))
                {
                    continue;
                }

                return $"Thành phần hồ sơ, dòng {i + 1}: thiếu tên giấy tờ (ten_giay_to).";
            }

            var quantity = Cell(row, "so_luong");
            var (originals, copies) = DossierTextParser.ReadQuantity(quantity);
            items.Add(new ParsedDossierItem(Cell(row, "truong_hop"), name, originals, copies, quantity, Cell(row, "mau_don"), Cell(row, "duong_dan_mau")));
        }

        return null;
    }

    private static string? ReadResults(NationalValue value, out IReadOnlyList<ParsedResult> parsed)
    {
        if (value.Text is { } text)
        {
            parsed = ResultTextParser.Parse(text);
            return null;
        }

        var results = new List<ParsedResult>();
        parsed = results;
        var rows = Rows(value, "ten_ket_qua");
        for (var i = 0; i < rows.Count; i++)
        {
            var name = Cell(rows[i], "ten_ket_qua");
            var code = Cell(rows[i], "ma_ket_qua");
            if (name.Length == 0 && code.Length == 0)
            {
                continue;
            }

            if (name.Length == 0)
            {
                return $"Kết quả thực hiện, dòng {i + 1}: thiếu tên kết quả (ten_ket_qua).";
            }

            results.Add(new ParsedResult(name, code.Length > 0 ? code : ResultTextParser.FindCode(name)));
        }

        return null;
    }

    private static List<string> Strings(NationalValue value, string mainCell) =>
        Rows(value, mainCell).Select(r => Cell(r, mainCell).Length > 0 ? Cell(r, mainCell) : Text(NationalValue.FromRows([r]), " "))
            .Where(s => s.Length > 0).ToList();

    private static string Source(NationalValue value) => value.Text is { } text ? Verbatim(text) : string.Empty;
}
