using Portal.Core.Programme;

namespace Portal.Infrastructure.Programme.IndexResults;

/// <summary>
/// The province's results known from public sources (../shared/domain/kon-tum.md §4), written once on a first start with
/// demo content; from then on Sở Nội vụ keeps them in the backoffice. Never invented: a year not listed stays empty.
/// </summary>
public sealed class IndexResultDemoSeeder(IndexResultBook book)
{
    private static readonly (ReformIndex Index, int Year, decimal Score, int? Rank, int? RankOf, string Source, string? Note)[] Province =
    [
        (ReformIndex.Par, 2023, 86.14m, 43, 63, "snv.kontum.gov.vn", null),
        (ReformIndex.Sipas, 2022, 78.39m, 42, 63, "snv.kontum.gov.vn", null),
        (ReformIndex.Sipas, 2023, 82.10m, 35, 63, "snv.kontum.gov.vn", null),
        (ReformIndex.Papi, 2020, 41.62m, 49, 63, "kontumtv.vn", null),
        (ReformIndex.Papi, 2021, 39.89m, null, null, "snv.kontum.gov.vn", null),
        (ReformIndex.Pci, 2020, 60.02m, 56, 63, "kontumtv.vn", null),
        (ReformIndex.Pci, 2021, 58.95m, 61, 63, "kontumtv.vn",
            "VCCI công bố năm 2021 giảm 3,07 điểm so với năm 2020; chênh lệch với điểm năm 2020 ở đây có thể do VCCI tính lại điểm năm 2020 theo phương pháp mới."),
        (ReformIndex.Pci, 2022, 64.89m, 37, 63, "vpubnd.kontum.gov.vn", null),
    ];

    /// <summary>Does nothing when any result exists (a restart, or a site whose figures are already kept).</summary>
    public Task SeedAsync(CancellationToken cancellationToken) => book.SeedAsync(Province, cancellationToken);
}
