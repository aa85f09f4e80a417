using Portal.Core.Procedures;
using Portal.Core.Schema;
using Portal.Core.Procedures.Import;

namespace Portal.Core.Tests.Procedures.Import;

public sealed class ProcedureUnitMatcherTests
{
    private static readonly ProcedureUnit Justice = new(Guid.NewGuid(), "so-tu-phap", "Sở Tư pháp", ProcedureUnitMatcher.DepartmentKind);
    private static readonly ProcedureUnit Health = new(Guid.NewGuid(), "so-y-te", "Sở Y tế", ProcedureUnitMatcher.DepartmentKind);
    private static readonly ProcedureUnit DakHa = new(Guid.NewGuid(), "huyen-dak-ha", "Huyện Đăk Hà", ProcedureUnitMatcher.DistrictKind);
    private static readonly ProcedureUnit City = new(Guid.NewGuid(), "thanh-pho-kon-tum", "Thành phố Kon Tum", ProcedureUnitMatcher.DistrictKind);

    private static readonly ProcedureUnit[] Units = [Justice, Health, DakHa, City];

    [Fact]
    public void Infer_ProvinceLevel_FindsDepartmentNamedInAgencyTextIgnoringCaseAndDiacritics()
    {
        var assignments = ProcedureUnitMatcher.Infer(["Cấp tỉnh"], ["SỞ TƯ PHAP tỉnh Kon Tum"], Units);

        Assert.Equal([new ProcedureAssignment(Justice.Key, "Cấp tỉnh")], assignments);
    }

    [Fact]
    public void Infer_DistrictAndCommuneLevels_AssignEveryDistrict()
    {
        var assignments = ProcedureUnitMatcher.Infer(["Cấp huyện", "Cấp xã"], ["Ủy ban nhân dân cấp huyện"], Units);

        Assert.Equal(
            [new(DakHa.Key, "Cấp huyện"), new(City.Key, "Cấp huyện"), new(DakHa.Key, "Cấp xã"), new ProcedureAssignment(City.Key, "Cấp xã")],
            assignments);
    }

    [Fact]
    public void Infer_NameOnlyInsideALongerWord_NotMatched()
    {
        var assignments = ProcedureUnitMatcher.Infer(["Cấp tỉnh"], ["Sở Y tếxyz"], Units);

        Assert.Empty(assignments);
    }

    [Fact]
    public void Infer_MinistryLevel_AssignsNoUnit() =>
        Assert.Empty(ProcedureUnitMatcher.Infer(["Cấp bộ"], ["Sở Tư pháp"], Units));

    [Fact]
    public void Explicit_KnownSegmentAndLevel_NormalisesLevel()
    {
        var (assignments, unknown) = ProcedureUnitMatcher.Explicit([("so-y-te", "tỉnh")], Units);

        Assert.Null(unknown);
        Assert.Equal([new ProcedureAssignment(Health.Key, "Cấp tỉnh")], assignments);
    }

    [Fact]
    public void Explicit_UnknownLevel_ReportsIt()
    {
        var (_, unknown) = ProcedureUnitMatcher.Explicit([("so-y-te", "Cấp thôn")], Units);

        Assert.Contains("«Cấp thôn»", unknown);
    }

    [Fact]
    public void Write_Assignments_StoresUnitPickerAndOneLevelPerBlock()
    {
        var value = ProcedureUnitMatcher.Write("1.001194", [new ProcedureAssignment(Justice.Key, "Cấp tỉnh")], ProcedureSchema.Catalog());

        var block = Assert.Single(BlockListValue.Read(value));
        Assert.Equal(ProcedureSchema.KeyOf(ProcedureAliases.AssignmentType), block.ContentTypeKey);
        Assert.Equal("umb://document/" + Justice.Key.ToString("N"), block.Values[ProcedureAliases.AssignmentUnit]);
        Assert.Equal("""["Cấp tỉnh"]""", block.Values[ProcedureAliases.AssignmentLevel]);
    }
}
