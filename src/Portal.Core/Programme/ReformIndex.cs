namespace Portal.Core.Programme;

/// <summary>The reform indices the province publishes (plan II.2.1): PAR Index, SIPAS, PAPI, PCI.</summary>
public enum ReformIndex
{
    Par = 1,
    Sipas = 2,
    Papi = 3,
    Pci = 4,
}

public static class ReformIndexes
{
    public static readonly IReadOnlyList<ReformIndex> All = [ReformIndex.Par, ReformIndex.Sipas, ReformIndex.Papi, ReformIndex.Pci];

    public static string Name(this ReformIndex index) => index switch
    {
        ReformIndex.Par => "Chỉ số cải cách hành chính (PAR Index)",
        ReformIndex.Sipas => "Chỉ số hài lòng về sự phục vụ hành chính (SIPAS)",
        ReformIndex.Papi => "Chỉ số hiệu quả quản trị và hành chính công (PAPI)",
        ReformIndex.Pci => "Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)",
        _ => index.ToString(),
    };

    public static string ShortName(this ReformIndex index) => index switch
    {
        ReformIndex.Par => "PAR Index",
        ReformIndex.Sipas => "SIPAS",
        ReformIndex.Papi => "PAPI",
        ReformIndex.Pci => "PCI",
        _ => index.ToString(),
    };

    /// <summary>What a score is measured in: SIPAS is a share of satisfied people, PAPI has 80 points, the others 100.</summary>
    public static string Unit(this ReformIndex index) => index switch
    {
        ReformIndex.Sipas => "%",
        ReformIndex.Papi => "điểm (tối đa 80)",
        _ => "điểm (tối đa 100)",
    };

    public static decimal DefaultMaximum(this ReformIndex index) => index == ReformIndex.Papi ? 80m : 100m;

    public static ReformIndex? Parse(string? value) =>
        Enum.TryParse<ReformIndex>(value, ignoreCase: true, out var index) && Enum.IsDefined(index) ? index : null;
}
