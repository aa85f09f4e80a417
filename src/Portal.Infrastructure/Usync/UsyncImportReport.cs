namespace Portal.Infrastructure.Usync;

public sealed record UsyncImportReport(int Created, int Updated, int Unchanged, int Skipped, IReadOnlyList<string> Warnings)
{
    public string Summary => $"{Created} mới, {Updated} cập nhật, {Unchanged} không đổi, {Skipped} bỏ qua";
}
