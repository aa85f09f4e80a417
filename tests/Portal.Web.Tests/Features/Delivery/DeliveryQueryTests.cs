using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using static Portal.Web.Tests.Features.Delivery.DeliveryHttp;

namespace Portal.Web.Tests.Features.Delivery;

/// <summary>GET /content: fetch, filter, sort, skip and take as an Umbraco front end sends them (one seeded host, read-only).</summary>
[Collection(SeededDeliveryCollection.Name)]
public sealed class DeliveryQueryTests
{
    private static readonly CompareInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN").CompareInfo;
    private readonly SeededDelivery site;

    public DeliveryQueryTests(SeededDelivery site) => this.site = site;

    // ---- fetch -------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Fetch_ChildrenById_ListsTheDirectChildrenInTreeOrder()
    {
        var (total, items) = await site.QueryAsync($"fetch=children:{Seed.Column}&take=500");

        var expected = site.Tree.ChildrenOf(Seed.Column).Select(n => n.Key).ToList();
        Assert.Equal(Seed.ColumnChildren, total);
        Assert.Equal(expected, items.Select(Id).ToList());
        Assert.All(items, i => Assert.StartsWith(Seed.ColumnPath, RoutePath(i), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Fetch_ChildrenByPath_EqualsChildrenById()
    {
        var byId = await site.QueryAsync($"fetch=children:{Seed.Column}&take=500");
        var byPath = await site.QueryAsync("fetch=children:" + Escape(Seed.ColumnPath) + "&take=500");

        Assert.Equal(byId.Total, byPath.Total);
        Assert.Equal(byId.Items.Select(Id), byPath.Items.Select(Id));
    }

    [Fact]
    public async Task Fetch_ChildrenOfRootPath_ListsTheSectionsBelowHome()
    {
        var (total, items) = await site.QueryAsync("fetch=children:" + Escape("/") + "&take=500");

        Assert.Equal(Seed.SectionsBelowHome, total);
        Assert.Contains(items, i => Id(i) == Seed.Column);
        Assert.All(items, i => Assert.Equal(2, Level(i)));
    }

    [Fact]
    public async Task Fetch_DescendantsById_ListsTheWholeSubtreeWithoutTheTarget()
    {
        var (total, items) = await site.QueryAsync($"fetch=descendants:{Seed.Home}&take=500");

        Assert.Equal(Seed.AllDocuments - 1, total);
        Assert.DoesNotContain(items, i => Id(i) == Seed.Home);
        Assert.Contains(items, i => Id(i) == Seed.TrainingArticle);
    }

    [Fact]
    public async Task Fetch_DescendantsByPath_ListsTheUnits()
    {
        var (total, items) = await site.QueryAsync("fetch=descendants:" + Escape(Seed.UnitsRootPath) + "&take=500");

        Assert.Equal(Seed.Units, total);
        Assert.All(items, i => Assert.Equal("unit", i.GetProperty("contentType").GetString()));
    }

    [Fact]
    public async Task Fetch_AncestorsById_ListsHomeAndColumn()
    {
        var (total, items) = await site.QueryAsync($"fetch=ancestors:{Seed.TrainingArticle}");

        Assert.Equal(2, total);
        Assert.Equal(new HashSet<Guid> { Seed.Home, Seed.Column }, items.Select(Id).ToHashSet());
    }

    [Fact]
    public async Task Fetch_AncestorsByPath_EqualsAncestorsById()
    {
        var path = site.Tree.UrlOf(Seed.TrainingArticle)!;

        var byPath = await site.QueryAsync("fetch=ancestors:" + Escape(path));
        var byId = await site.QueryAsync($"fetch=ancestors:{Seed.TrainingArticle}");

        Assert.Equal(2, byPath.Total);
        Assert.Equal(byId.Items.Select(Id).ToHashSet(), byPath.Items.Select(Id).ToHashSet());
    }

    [Fact]
    public async Task Fetch_UnknownTarget_AnswersAnEmptyList()
    {
        var byPath = await site.QueryAsync("fetch=children:" + Escape("/khong-co-trang-nay/"));
        var byId = await site.QueryAsync($"fetch=descendants:{Guid.NewGuid()}");

        Assert.Equal(0, byPath.Total);
        Assert.Empty(byPath.Items);
        Assert.Equal(0, byId.Total);
    }

    [Fact]
    public async Task Query_WithoutFetch_SearchesAllContent()
    {
        var (total, items) = await site.QueryAsync(string.Empty);

        Assert.Equal(Seed.AllDocuments, total);
        Assert.Equal(10, items.Count);
    }

    // ---- filter ------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Filter_ContentType_KeepsOnlyThatType()
    {
        var (total, items) = await site.QueryAsync("filter=contentType:article&take=500");

        Assert.Equal(Seed.Articles, total);
        Assert.All(items, i => Assert.Equal("article", i.GetProperty("contentType").GetString()));
    }

    [Fact]
    public async Task Filter_ContentTypeNegated_DropsThatType()
    {
        var (total, items) = await site.QueryAsync("filter=contentType:!article&take=500");

        Assert.Equal(Seed.AllDocuments - Seed.Articles, total);
        Assert.DoesNotContain(items, i => i.GetProperty("contentType").GetString() == "article");
    }

    [Fact]
    public async Task Filter_ContentTypeCommaSeparated_OrsTheValues()
    {
        var (total, _) = await site.QueryAsync("filter=contentType:unit,directive");

        Assert.Equal(Seed.Units + Seed.Directives, total);
    }

    [Fact]
    public async Task Filter_Name_MatchesContainedTextIgnoringCase()
    {
        var (total, items) = await site.QueryAsync("filter=name:" + Escape("sở nội vụ") + "&take=500");

        Assert.True(total >= 2, $"total {total}");
        Assert.Equal(total, items.Count);
        Assert.Contains(items, i => Id(i) == Seed.InteriorUnit);
        Assert.Contains(items, i => Id(i) == Seed.TrainingArticle);
        Assert.All(items, i => Assert.True(Vietnamese.IndexOf(Name(i), "sở nội vụ", CompareOptions.IgnoreCase) >= 0, Name(i)));
    }

    [Fact]
    public async Task Filter_NameTypedInDecomposedUnicode_MatchesLikeComposedText()
    {
        var composed = await site.QueryAsync("filter=name:" + Escape("Sở Nội vụ"));
        var decomposed = await site.QueryAsync("filter=name:" + Escape("Sở Nội vụ".Normalize(NormalizationForm.FormD)));

        Assert.True(composed.Total >= 2);
        Assert.Equal(composed.Total, decomposed.Total);
    }

    [Fact]
    public async Task Filter_NameNegated_KeepsEverythingElse()
    {
        var matching = await site.QueryAsync("filter=name:" + Escape("Sở Nội vụ"));
        var (total, items) = await site.QueryAsync("filter=name:!" + Escape("Sở Nội vụ") + "&take=500");

        Assert.Equal(Seed.AllDocuments - matching.Total, total);
        Assert.DoesNotContain(items, i => Vietnamese.IndexOf(Name(i), "Sở Nội vụ", CompareOptions.IgnoreCase) >= 0);
    }

    [Theory]
    [InlineData("createDate>2018-02-27T09:00:00", 3)]
    [InlineData("createDate>:2018-02-27T09:00:00", 4)]
    [InlineData("createDate<2018-02-27T09:00:00", 2)]
    [InlineData("createDate<:2018-02-27T09:00:00", 3)]
    [InlineData("createDate>:2018-02-23T16:00:00", 6)]
    [InlineData("createDate>2018-02-23T16:00:00", 5)]
    [InlineData("createDate<2018-02-24", 1)]
    public async Task Filter_CreateDate_ComparesVietnamWallClockTimes(string filter, int expected)
    {
        var (total, items) = await site.QueryAsync("fetch=children:" + Escape(Seed.DirectiveListPath) + "&filter=" + Escape(filter) + "&take=500");

        Assert.Equal(expected, total);
        Assert.Equal(expected, items.Count);
    }

    [Fact]
    public async Task Filter_CreateDateRangeFromTwoFilters_KeepsItemsInside()
    {
        var (total, items) = await site.QueryAsync("fetch=children:" + Escape(Seed.DirectiveListPath)
            + "&filter=" + Escape("createDate>:2018-02-26") + "&filter=" + Escape("createDate<2018-03-02") + "&take=500");

        Assert.Equal(3, total);
        Assert.All(items, i => Assert.InRange(Date(i, "createDate"), new DateTime(2018, 2, 26), new DateTime(2018, 3, 1, 23, 59, 59)));
    }

    [Theory]
    [InlineData(">:", true)]
    [InlineData(">", false)]
    [InlineData("<:", true)]
    [InlineData("<", false)]
    public async Task Filter_UpdateDateAtAnItemsOwnUpdateDate_IncludesItOnlyForInclusiveOperators(string op, bool included)
    {
        var item = await site.GetJsonAsync($"content/item/{Seed.TrainingArticle}");
        var updated = item.GetProperty("updateDate").GetString()!;

        var (_, items) = await site.QueryAsync("fetch=children:" + Escape(Seed.ColumnPath) + "&filter=" + Escape("updateDate" + op + updated) + "&take=500");

        Assert.Equal(included, items.Any(i => Id(i) == Seed.TrainingArticle));
    }

    [Fact]
    public async Task Filter_UpdateDateRange_SplitsAllContentAtABound()
    {
        var after = await site.QueryAsync("filter=" + Escape("updateDate>2000-01-01"));
        var before = await site.QueryAsync("filter=" + Escape("updateDate<:2000-01-01"));
        var inside = await site.QueryAsync("filter=" + Escape("updateDate>2000-01-01") + "&filter=" + Escape("updateDate<2100-01-01"));

        Assert.Equal(Seed.AllDocuments, after.Total);
        Assert.Equal(0, before.Total);
        Assert.Equal(Seed.AllDocuments, inside.Total);
    }

    [Fact]
    public async Task Filter_ParentId_KeepsTheDirectChildren()
    {
        var (total, items) = await site.QueryAsync($"filter=parentId:{Seed.Column}&take=500");

        Assert.Equal(Seed.ColumnChildren, total);
        Assert.All(items, i => Assert.Equal(2, RoutePath(i).Split('/', StringSplitOptions.RemoveEmptyEntries).Length));
        Assert.All(items, i => Assert.StartsWith(Seed.ColumnPath, RoutePath(i), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, Seed.SectionsBelowHome)]
    [InlineData(3, Seed.AllDocuments - 1 - Seed.SectionsBelowHome - Seed.Decisions - Seed.ContestResults)]
    [InlineData(4, Seed.Decisions + Seed.ContestResults)]
    public async Task Filter_Level_CountsFromOneAtTheRoot(int level, int expected)
    {
        var (total, items) = await site.QueryAsync($"filter=level:{level}&take=500");

        Assert.Equal(expected, total);
        Assert.All(items, i => Assert.Equal(level, Level(i)));
    }

    [Fact]
    public async Task Filter_LevelCommaSeparated_OrsTheValues()
    {
        var (total, items) = await site.QueryAsync("filter=level:1,2&take=500");

        Assert.Equal(1 + Seed.SectionsBelowHome, total);
        Assert.All(items, i => Assert.InRange(Level(i), 1, 2));
    }

    [Fact]
    public async Task Filter_ParentIdCommaSeparated_OrsTheValues()
    {
        var (total, _) = await site.QueryAsync($"filter=parentId:{Seed.Column},{Seed.DirectiveList}");

        Assert.Equal(Seed.ColumnChildren + Seed.Directives, total);
    }

    [Fact]
    public async Task Filter_Unit_IncludesColumnArticlesWhoseUnitFieldNamesIt()
    {
        var (total, items) = await site.QueryAsync($"filter=unit:{Seed.InteriorUnit}&take=500");

        var articles = items.Where(i => i.GetProperty("contentType").GetString() == "article").Select(Id).ToHashSet();
        Assert.Equal(Seed.InteriorColumnArticles.ToHashSet(), articles);
        Assert.Equal(total, items.Count);
        Assert.All(items, i => Assert.True(
            RoutePath(i).StartsWith(Seed.InteriorUnitPath, StringComparison.Ordinal)
            || (i.GetProperty("properties").TryGetProperty("unit", out var unit) && unit.GetProperty("id").GetGuid() == Seed.InteriorUnit)
            || PerformedBy(i).Contains(Seed.InteriorUnit), RoutePath(i)));
        Assert.Contains(items, i => i.GetProperty("contentType").GetString() == "procedure");
    }

    /// <summary>The units a procedure's <c>assignments</c> blocks name (none for other content).</summary>
    private static List<Guid> PerformedBy(JsonElement item) =>
        item.GetProperty("properties").TryGetProperty("assignments", out var blocks) && blocks.ValueKind == JsonValueKind.Object
            ? blocks.GetProperty("items").EnumerateArray().Select(b => b.GetProperty("content").GetProperty("properties").GetProperty("unit").GetProperty("id").GetGuid()).ToList()
            : [];

    [Fact]
    public async Task Filter_UnitCombinedWithFetch_AndsBothConditions()
    {
        var (total, items) = await site.QueryAsync($"fetch=children:{Seed.Column}&filter=unit:{Seed.InteriorUnit}&filter=contentType:article&take=500");

        Assert.Equal(Seed.InteriorColumnArticles.Length, total);
        Assert.Equal(Seed.InteriorColumnArticles.ToHashSet(), items.Select(Id).ToHashSet());
    }

    // ---- sort --------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("asc")]
    [InlineData("desc")]
    public async Task Sort_SortOrder_FollowsTheEditorsOrder(string direction)
    {
        var (_, items) = await site.QueryAsync($"fetch=children:{Seed.Column}&sort=sortOrder:{direction}&take=500");

        var expected = site.Tree.ChildrenOf(Seed.Column).Select(n => n.Key).ToList();
        if (direction == "desc")
        {
            expected.Reverse();
        }

        Assert.Equal(expected, items.Select(Id).ToList());
    }

    [Theory]
    [InlineData("asc")]
    [InlineData("desc")]
    public async Task Sort_Name_OrdersAlphabeticallyInVietnamese(string direction)
    {
        var (_, items) = await site.QueryAsync($"fetch=children:{Seed.UnitsRoot}&sort=name:{direction}&take=500");

        var names = items.Select(Name).ToList();
        Assert.Equal(Seed.Units, names.Count);
        AssertOrdered(names, (a, b) => Vietnamese.Compare(a, b, CompareOptions.IgnoreCase), direction);
        Assert.NotEqual(names, site.Tree.ChildrenOf(Seed.UnitsRoot).Select(n => n.Name).ToList());
    }

    [Theory]
    [InlineData("asc")]
    [InlineData("desc")]
    public async Task Sort_CreateDate_OrdersByCreation(string direction)
    {
        var (_, items) = await site.QueryAsync($"fetch=children:{Seed.Column}&sort=createDate:{direction}&take=500");

        var dates = items.Select(i => Date(i, "createDate")).ToList();
        AssertOrdered(dates, (a, b) => a.CompareTo(b), direction);
        Assert.Equal(new DateTime(2018, direction == "asc" ? 2 : 12, direction == "asc" ? 26 : 3, 8, 30, 0), dates[0]);
    }

    [Theory]
    [InlineData("asc")]
    [InlineData("desc")]
    public async Task Sort_UpdateDate_OrdersByLastChange(string direction)
    {
        var (_, items) = await site.QueryAsync($"sort=updateDate:{direction}&take=500");

        Assert.Equal(Seed.AllDocuments, items.Count);
        AssertOrdered(items.Select(i => Date(i, "updateDate")).ToList(), (a, b) => a.CompareTo(b), direction);
    }

    [Theory]
    [InlineData("asc")]
    [InlineData("desc")]
    public async Task Sort_Level_OrdersByDepth(string direction)
    {
        var (_, items) = await site.QueryAsync($"sort=level:{direction}&take=500");

        var levels = items.Select(Level).ToList();
        AssertOrdered(levels, (a, b) => a.CompareTo(b), direction);
        Assert.Equal(direction == "asc" ? 1 : 4, levels[0]);
    }

    [Fact]
    public async Task Sort_Several_AppliesThemInOrder()
    {
        var (_, items) = await site.QueryAsync("sort=level:asc&sort=name:desc&take=500");

        Assert.Equal(Seed.AllDocuments, items.Count);
        for (var i = 1; i < items.Count; i++)
        {
            var (previous, current) = (items[i - 1], items[i]);
            Assert.True(Level(previous) <= Level(current), $"level at {i}");
            if (Level(previous) == Level(current))
            {
                Assert.True(Vietnamese.Compare(Name(previous), Name(current), CompareOptions.IgnoreCase) >= 0, $"{Name(previous)} / {Name(current)}");
            }
        }
    }

    [Fact]
    public async Task Sort_WithoutDirection_IsAscending()
    {
        var implicitAsc = await site.QueryAsync($"fetch=children:{Seed.UnitsRoot}&sort=name&take=500");
        var explicitAsc = await site.QueryAsync($"fetch=children:{Seed.UnitsRoot}&sort=name:asc&take=500");

        Assert.Equal(explicitAsc.Items.Select(Id), implicitAsc.Items.Select(Id));
    }

    // ---- skip / take -------------------------------------------------------------------------------------------

    [Fact]
    public async Task Paging_Defaults_SkipZeroTakeTen()
    {
        var defaults = await site.QueryAsync($"fetch=children:{Seed.Column}");
        var explicitPage = await site.QueryAsync($"fetch=children:{Seed.Column}&skip=0&take=10");

        Assert.Equal(Seed.ColumnChildren, defaults.Total);
        Assert.Equal(10, defaults.Items.Count);
        Assert.Equal(explicitPage.Items.Select(Id), defaults.Items.Select(Id));
    }

    [Fact]
    public async Task Paging_SkipAndTake_WalkThroughTheListWithAStableTotal()
    {
        var all = await site.QueryAsync($"fetch=children:{Seed.Column}&sort=name:asc&take=500");
        var pages = new List<Guid>();
        for (var skip = 0; skip < Seed.ColumnChildren; skip += 5)
        {
            var (total, items) = await site.QueryAsync($"fetch=children:{Seed.Column}&sort=name:asc&skip={skip}&take=5");
            Assert.Equal(Seed.ColumnChildren, total);
            Assert.Equal(Math.Min(5, Seed.ColumnChildren - skip), items.Count);
            pages.AddRange(items.Select(Id));
        }

        Assert.Equal(all.Items.Select(Id), pages);
    }

    [Fact]
    public async Task Paging_SkipPastTheEnd_AnswersNoItemsAndTheTotal()
    {
        var (total, items) = await site.QueryAsync($"fetch=children:{Seed.Column}&skip=500");

        Assert.Equal(Seed.ColumnChildren, total);
        Assert.Empty(items);
    }

    [Fact]
    public async Task Paging_TakeZero_AnswersOnlyTheTotal()
    {
        var (total, items) = await site.QueryAsync("take=0");

        Assert.Equal(Seed.AllDocuments, total);
        Assert.Empty(items);
    }

    [Fact]
    public async Task Query_ExpandAndFields_ApplyToEveryListedItem()
    {
        var (_, items) = await site.QueryAsync($"fetch=children:{Seed.Column}&filter=unit:{Seed.InteriorUnit}"
            + "&expand=" + Escape("properties[unit]") + "&fields=" + Escape("properties[title,unit]"));

        Assert.Equal(Seed.InteriorColumnArticles.Length, items.Count);
        Assert.All(items, i =>
        {
            var properties = i.GetProperty("properties");
            Assert.Equal(["title", "unit"], PropertyNames(properties).Order(StringComparer.Ordinal));
            Assert.Equal("Sở Nội vụ", properties.GetProperty("unit").GetProperty("properties").GetProperty("unitName").GetString());
        });
    }

    // ---- 400 ---------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("filter=foo:bar")]
    [InlineData("filter=createDate:2020-01-01")]
    [InlineData("filter=createDate>yesterday")]
    [InlineData("filter=level:2,xa")]
    [InlineData("filter=parentId:not-a-guid")]
    [InlineData("filter=contentType:article&filter=author:someone")]
    public async Task Query_UnknownFilter_Answers400FilterOptionNotFound(string query)
    {
        var response = await site.GetAsync("content?" + query);

        AssertProblem(response, HttpStatusCode.BadRequest, "Filter option not found", "One of the attempted 'filter' options does not exist");
    }

    [Theory]
    [InlineData("fetch=siblings:/")]
    [InlineData("fetch=children:")]
    [InlineData("fetch=children")]
    public async Task Query_UnknownFetch_Answers400SelectorOptionNotFound(string query)
    {
        var response = await site.GetAsync("content?" + query);

        AssertProblem(response, HttpStatusCode.BadRequest, "Selector option not found", "The attempted 'fetch' option does not exist");
    }

    [Theory]
    [InlineData("sort=title:asc")]
    [InlineData("sort=name:up")]
    [InlineData("sort=name:asc&sort=popularity:desc")]
    public async Task Query_UnknownSort_Answers400SortOptionNotFound(string query)
    {
        var response = await site.GetAsync("content?" + query);

        AssertProblem(response, HttpStatusCode.BadRequest, "Sort option not found", "One of the attempted 'sort' options does not exist");
    }

    internal static void AssertProblem(DeliveryResponse response, HttpStatusCode status, string? title = null, string? detail = null)
    {
        Assert.Equal(status, response.Status);
        Assert.Equal("application/problem+json", response.MediaType);
        var json = response.Json;
        Assert.Equal((int)status, json.GetProperty("status").GetInt32());
        if (title is not null)
        {
            Assert.Equal(title, json.GetProperty("title").GetString());
        }

        if (detail is not null)
        {
            Assert.Equal(detail, json.GetProperty("detail").GetString());
        }
    }

    private static void AssertOrdered<T>(IReadOnlyList<T> values, Func<T, T, int> compare, string direction)
    {
        Assert.True(values.Count > 1);
        for (var i = 1; i < values.Count; i++)
        {
            var result = compare(values[i - 1], values[i]);
            Assert.True(direction == "asc" ? result <= 0 : result >= 0, $"{values[i - 1]} then {values[i]} ({direction})");
        }
    }
}
