using Portal.Core.Programme;

namespace Portal.Core.Tests.Programme;

public sealed class IndexResultTests
{
    // 09:00 on 10/05/2026 in Kon Tum.
    private static readonly DateTime Now = new(2026, 5, 10, 2, 0, 0, DateTimeKind.Utc);

    private static (ProgrammeOperationStatus Status, IndexResult? Result) Create(ReformIndex index = ReformIndex.Par, int year = 2023,
        decimal score = 86.14m, decimal? max = null, int? rank = 43, int? rankOf = 63, Guid? unit = null, string? unitName = null) =>
        IndexResult.Create(index, year, unit ?? IndexResult.Province, unitName, score, max, rank, rankOf, "snv.kontum.gov.vn", null, "snv", Now);

    [Theory]
    [InlineData(1999)]
    [InlineData(2027)]
    public void Create_YearBeforeTheFirstOrAfterThisYear_IsRefused(int year)
    {
        var (status, result) = Create(year: year);

        Assert.Equal(ProgrammeOperationStatus.YearOutOfRange, status);
        Assert.Null(result);
    }

    [Fact]
    public void Create_ThisYearInVietnam_IsAccepted()
    {
        // 31/12/2025 18:00 UTC is already 2026 in Kon Tum.
        var (status, result) = IndexResult.Create(ReformIndex.Par, 2026, IndexResult.Province, null, 80m, null, null, null, null, null, "snv",
            new DateTime(2025, 12, 31, 18, 0, 0, DateTimeKind.Utc));

        Assert.Equal(ProgrammeOperationStatus.Success, status);
        Assert.Equal(2026, result!.Year);
    }

    [Fact]
    public void Create_ScoreAboveTheIndexMaximum_IsRefused()
    {
        // PAPI is scored out of 80.
        var (status, _) = Create(ReformIndex.Papi, score: 80.5m);

        Assert.Equal(ProgrammeOperationStatus.ScoreOutOfRange, status);
    }

    [Fact]
    public void Create_NoMaximumGiven_TakesTheIndexDefault()
    {
        var (_, papi) = Create(ReformIndex.Papi, score: 41.62m);
        var (_, pci) = Create(ReformIndex.Pci, score: 64.89m);

        Assert.Equal(80m, papi!.MaxScore);
        Assert.Equal(100m, pci!.MaxScore);
    }

    [Theory]
    [InlineData(64, 63)]
    [InlineData(0, 63)]
    [InlineData(null, 63)]
    public void Create_RankOutsideRankOf_IsRefused(int? rank, int? rankOf)
    {
        var (status, _) = Create(rank: rank, rankOf: rankOf);

        Assert.Equal(ProgrammeOperationStatus.RankOutOfRange, status);
    }

    [Fact]
    public void Create_ForAUnit_KeepsTheUnitName()
    {
        var unit = Guid.NewGuid();

        var (_, result) = Create(unit: unit, unitName: "Sở Tư pháp", rank: 2, rankOf: 20);

        Assert.False(result!.IsProvince);
        Assert.Equal("Sở Tư pháp", result.UnitName);
    }

    [Fact]
    public void Change_WithTheVersionTheEditorSaw_SavesAndMovesTheVersionOn()
    {
        var (_, result) = Create();

        var status = result!.Change(result.Version, 2023, 87.5m, 100m, 40, 63, "Quyết định 1263/QĐ-BNV", null, "snv", Now);

        Assert.Equal(ProgrammeOperationStatus.Success, status);
        Assert.Equal(87.5m, result.Score);
        Assert.Equal(1, result.Version);
    }

    [Fact]
    public void Change_WithAnOlderVersion_IsStaleAndChangesNothing()
    {
        var (_, result) = Create();
        result!.Change(0, 2023, 87.5m, 100m, 40, 63, null, null, "snv", Now);

        var status = result.Change(0, 2023, 90m, 100m, 30, 63, null, null, "nguoi-khac", Now);

        Assert.Equal(ProgrammeOperationStatus.Stale, status);
        Assert.Equal(87.5m, result.Score);
        Assert.Equal("snv", result.UpdatedBy);
    }

    [Fact]
    public void Change_Refused_KeepsThePreviousFigures()
    {
        var (_, result) = Create();

        var status = result!.Change(result.Version, 2023, 120m, 100m, 43, 63, null, null, "snv", Now);

        Assert.Equal(ProgrammeOperationStatus.ScoreOutOfRange, status);
        Assert.Equal(86.14m, result.Score);
        Assert.Equal(0, result.Version);
    }

    [Fact]
    public void Describe_Province_WritesVietnameseDecimalCommaAndRank()
    {
        var (_, result) = Create();

        Assert.Equal("PAR Index 2023 tỉnh: 86,14/100, hạng 43/63", result!.Describe());
    }

    [Fact]
    public void Describe_UnitWithoutRank_NamesTheUnit()
    {
        var (_, result) = Create(ReformIndex.Sipas, 2024, 82.1m, rank: null, rankOf: null, unit: Guid.NewGuid(), unitName: "Huyện Đắk Hà");

        Assert.Equal("SIPAS 2024 Huyện Đắk Hà: 82,1/100", result!.Describe());
    }
}
