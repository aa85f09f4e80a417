using Portal.Core.Content;
using Portal.Core.Programme;

namespace Portal.Core.Tests.Programme;

public sealed class UnitAttributionTests
{
    private static readonly Guid Home = Guid.NewGuid();
    private static readonly Guid Units = Guid.NewGuid();
    private static readonly Guid Finance = Guid.NewGuid();
    private static readonly Guid Column = Guid.NewGuid();

    private static string PathOf(params Guid[] keys) => keys.Aggregate("/", (path, key) => Document.PathOf(key, path));

    [Fact]
    public void UnitOf_ItemUnderTheUnitsSubpage_IsThatUnit()
    {
        var item = Guid.NewGuid();

        Assert.Equal(Finance, UnitAttribution.UnitOf(PathOf(Home, Units, Finance, Guid.NewGuid(), item), null, new HashSet<Guid> { Finance }));
    }

    [Fact]
    public void UnitOf_ItemInTheColumnNamingAUnit_IsTheNamedUnit()
    {
        Assert.Equal(Finance, UnitAttribution.UnitOf(PathOf(Home, Column, Guid.NewGuid()), Finance, new HashSet<Guid> { Finance }));
    }

    [Fact]
    public void UnitOf_ItemElsewhereWithoutAUnit_IsNone()
    {
        Assert.Null(UnitAttribution.UnitOf(PathOf(Home, Column, Guid.NewGuid()), Guid.NewGuid(), new HashSet<Guid> { Finance }));
    }

    [Fact]
    public void UnitOf_TheUnitPageItself_IsNotItsOwnItem()
    {
        Assert.Null(UnitAttribution.UnitOf(PathOf(Home, Units, Finance), null, new HashSet<Guid> { Finance }));
    }
}
