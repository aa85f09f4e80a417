using System.Diagnostics;
using Portal.Core.Access;
using Portal.Core.Procedures;
using Portal.Core.Procedures.Import;
using Portal.Core.Schema;
using Portal.Core.Workflow;
using Portal.Data.Content;
using Portal.Infrastructure.PublishedCache;

namespace Portal.Infrastructure.Procedures.Import;

/// <summary>
/// Imports a national-portal file (JSON, CSV or Excel list export) into the procedure set: reads the whole file first
/// (a malformed file is refused whole), maps every record, then creates, updates and publishes every accepted record
/// in one transaction through <see cref="ContentImport"/>. Records are matched by national code, so importing the
/// same file twice changes nothing.
/// </summary>
public sealed class ProcedureImportService(ContentImport import, ISchemaCatalog schema, PublishedContentQueries published,
    PublishedContentCache values)
{
    public async Task<ProcedureImportReport> ImportAsync(Stream file, string fileName, Actor actor,
        IProgress<ProcedureImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        progress?.Report(new ProcedureImportProgress("Đang đọc tệp", 0, 0));
        var read = await ProcedureFileReader.ReadAsync(file, fileName, cancellationToken);
        if (read.Error is { } error)
        {
            return ProcedureImportReport.Failed(ProcedureImportStatus.Malformed, error, watch.Elapsed);
        }

        var nodes = await published.LiveNodesAsync(cancellationToken);
        var set = nodes.FirstOrDefault(n => n.ContentTypeAlias == ProcedureAliases.SetType);
        if (set is null)
        {
            return ProcedureImportReport.Failed(ProcedureImportStatus.NoProcedureSet,
                "Trang chưa có mục «Thủ tục hành chính» đã xuất bản để nhập thủ tục vào.", watch.Elapsed);
        }

        var units = await UnitsAsync(nodes, cancellationToken);
        var records = read.Records;
        progress?.Report(new ProcedureImportProgress("Đang kiểm tra bản ghi", 0, records.Count));
        var lines = new ProcedureImportLine?[records.Count];
        var accepted = new List<(int Line, ImportItem Item)>(records.Count);
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var mapper = new ProcedureRecordMapper(schema);
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            var mapped = mapper.Map(record, units);
            if (mapped.Mapping is not { } mapping)
            {
                lines[i] = new ProcedureImportLine(record.Position, record.Find(NationalKeys.Code)?.Text?.Trim(), record.Find(NationalKeys.Name)?.Text?.Trim(),
                    ImportOutcome.Rejected, mapped.Rejection);
            }
            else if (seen.TryGetValue(mapping.Code, out var first))
            {
                lines[i] = new ProcedureImportLine(record.Position, mapping.Code, mapping.Name, ImportOutcome.Rejected,
                    $"Mã thủ tục {mapping.Code} trùng với {first} trong cùng tệp.");
            }
            else
            {
                seen[mapping.Code] = record.PositionLabel;
                accepted.Add((i, new ImportItem(mapping.Name, mapping.Values, mapping.Aliases)));
            }
        }

        var applying = new Progress<int>(done => progress?.Report(new ProcedureImportProgress("Đang ghi thủ tục", done, accepted.Count)));
        var result = await import.ImportAsync(set.Key, ProcedureAliases.ProcedureType, ProcedureAliases.Code,
            accepted.Select(a => a.Item).ToList(), actor, $"Nhập từ tệp {Path.GetFileName(fileName)}", applying, cancellationToken);
        if (!result.Succeeded)
        {
            return ProcedureImportReport.Failed(Describe(result.Status), DescribeMessage(result.Status), watch.Elapsed);
        }

        foreach (var item in result.Items)
        {
            var (index, importItem) = accepted[item.Index];
            var record = records[index];
            var reason = item.Errors.Count == 0 ? null : string.Join(" ", item.Errors.Select(e => e.Message));
            lines[index] = new ProcedureImportLine(record.Position, importItem.Values.GetValueOrDefault(ProcedureAliases.Code), importItem.Name,
                item.Outcome, reason);
        }

        progress?.Report(new ProcedureImportProgress("Hoàn tất", records.Count, records.Count));
        return new ProcedureImportReport(ProcedureImportStatus.Completed, null, lines.Select(l => l!).ToList(), watch.Elapsed);
    }

    private async Task<IReadOnlyList<ProcedureUnit>> UnitsAsync(List<PublishedNode> nodes, CancellationToken cancellationToken)
    {
        var units = new List<ProcedureUnit>();
        foreach (var node in nodes.Where(n => n.ContentTypeAlias == "unit"))
        {
            var content = await values.GetAsync(node, cancellationToken);
            units.Add(new ProcedureUnit(node.Key, node.UrlSegment, content?.Text("unitName") ?? node.Name, content?.First("kind") ?? string.Empty));
        }

        return units;
    }

    private static ProcedureImportStatus Describe(ContentOperationStatus status) => status switch
    {
        ContentOperationStatus.Forbidden => ProcedureImportStatus.Forbidden,
        ContentOperationStatus.Conflict => ProcedureImportStatus.Conflict,
        _ => ProcedureImportStatus.NoProcedureSet,
    };

    private static string DescribeMessage(ContentOperationStatus status) => status switch
    {
        ContentOperationStatus.Forbidden => "Tài khoản không có quyền tạo và xuất bản thủ tục hành chính.",
        ContentOperationStatus.Conflict => "Có người vừa sửa thủ tục trong lúc nhập; chưa có thay đổi nào được ghi. Vui lòng nhập lại.",
        _ => "Mục «Thủ tục hành chính» chưa sẵn sàng để nhập (chưa xuất bản hoặc không cho phép thủ tục).",
    };
}
