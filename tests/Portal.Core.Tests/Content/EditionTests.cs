using Portal.Core.Content;
using Portal.Core.Schema;

namespace Portal.Core.Tests.Content;

public sealed class EditionTests
{
    private static readonly DateTime T0 = new(2025, 3, 1, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void UnitKey_UnitFieldPicksADocument_IsThatDocument()
    {
        var unit = Guid.NewGuid();

        var document = Document.Create(Guid.NewGuid(), "article", null, 0, "Bài", "bai",
            new Dictionary<string, string> { ["unit"] = DocumentUdi.Format(unit) }, "biên tập viên", T0);

        Assert.Equal(unit, document.Current.UnitKey);
    }

    [Fact]
    public void UnitKey_DraftRewrittenWithOtherUnitOrNone_FollowsTheField()
    {
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        var document = Document.Create(Guid.NewGuid(), "article", null, 0, "Bài", "bai",
            new Dictionary<string, string> { ["unit"] = DocumentUdi.Format(first) }, "biên tập viên", T0);

        document.SaveDraft("Bài", "bai", new Dictionary<string, string> { ["unit"] = DocumentUdi.Format(second) }, "biên tập viên", T0.AddMinutes(1));
        var afterSecond = document.Current.UnitKey;
        document.SaveDraft("Bài", "bai", new Dictionary<string, string> { ["unit"] = "không phải liên kết" }, "biên tập viên", T0.AddMinutes(2));

        Assert.Equal(second, afterSecond);
        Assert.Null(document.Current.UnitKey);
    }
}
