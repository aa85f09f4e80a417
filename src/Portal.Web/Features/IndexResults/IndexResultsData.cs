namespace Portal.Web.Features.IndexResults;

public enum ReformIndex
{
    Par,
    Sipas,
    Papi,
    Pci,
}

/// <summary>One published result of Kon Tum province. Only figures seen in a source are listed: a missing year stays empty.</summary>
public sealed record IndexResult(ReformIndex Index, int Year, decimal Score, int? Rank, int? RankOf, string Source, string? Note = null);

/// <summary>
/// The province's results known from public sources (../shared/domain/kon-tum.md §4). Entered here until the
/// programme-tracking issue moves them to the backoffice; never invented, never estimated.
/// </summary>
public static class IndexResultsData
{
    public static readonly int FirstYear = 2018;
    public static readonly int LastYear = 2023;

    public static IReadOnlyList<IndexResult> Province { get; } =
    [
        new(ReformIndex.Par, 2023, 86.14m, 43, 63, "snv.kontum.gov.vn"),
        new(ReformIndex.Sipas, 2022, 78.39m, 42, 63, "snv.kontum.gov.vn"),
        new(ReformIndex.Sipas, 2023, 82.10m, 35, 63, "snv.kontum.gov.vn"),
        new(ReformIndex.Papi, 2020, 41.62m, 49, 63, "kontumtv.vn"),
        new(ReformIndex.Papi, 2021, 39.89m, null, null, "snv.kontum.gov.vn"),
        new(ReformIndex.Pci, 2020, 60.02m, 56, 63, "kontumtv.vn"),
        new(ReformIndex.Pci, 2021, 58.95m, 61, 63, "kontumtv.vn",
            "VCCI công bố năm 2021 giảm 3,07 điểm so với năm 2020; chênh lệch với điểm năm 2020 ở đây có thể do VCCI tính lại điểm năm 2020 theo phương pháp mới."),
        new(ReformIndex.Pci, 2022, 64.89m, 37, 63, "vpubnd.kontum.gov.vn"),
    ];

    public static string Name(ReformIndex index) => index switch
    {
        ReformIndex.Par => "Chỉ số cải cách hành chính (PAR Index)",
        ReformIndex.Sipas => "Chỉ số hài lòng về sự phục vụ hành chính (SIPAS)",
        ReformIndex.Papi => "Chỉ số hiệu quả quản trị và hành chính công (PAPI)",
        ReformIndex.Pci => "Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)",
        _ => index.ToString(),
    };

    public static string Unit(ReformIndex index) => index switch
    {
        ReformIndex.Sipas => "%",
        ReformIndex.Papi => "điểm (tối đa 80)",
        _ => "điểm (tối đa 100)",
    };

    public static decimal Maximum(ReformIndex index) => index == ReformIndex.Papi ? 80m : 100m;
}
