using Portal.Core.Search;
using Portal.Infrastructure.Search;

namespace Portal.Infrastructure.Tests.Search;

/// <summary>
/// The runner's two ways of ranking: every match scored (few matches) and, when nearly everything matches, the matches
/// with the words in their title first, then the newest. Small indexes stand in for 100,000 documents by lowering the
/// broad threshold.
/// </summary>
public sealed class IndexQueryRunnerTests
{
    private static readonly DateTime May = new(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly SearchQueryBuilder builder = new();

    [Fact]
    public void Run_BroadQuery_TitleMatchesFirstThenNewest()
    {
        var documents = Enumerable.Range(1, 30)
            .Select(i => SearchTestIndex.Document($"Tin số {i}", text: "Tiếp tục cải cách hành chính trên địa bàn tỉnh.", date: May.AddDays(i)))
            .Append(SearchTestIndex.Document("Cải cách hành chính năm 2018", text: "Kế hoạch.", date: May.AddYears(-8)))
            .ToArray();
        using var test = SearchTestIndex.With(documents);

        var page = Run(test, new SearchRequest("cải cách hành chính", PageSize: 5), broadMatches: 10);

        Assert.Equal(31, page.Total);
        Assert.Equal(["Cải cách hành chính năm 2018", "Tin số 30", "Tin số 29", "Tin số 28", "Tin số 27"], page.Hits.Select(h => h.Title));
    }

    [Fact]
    public void Run_BroadQueryWithChoices_CountsAndTotalsAsWhenEveryMatchIsScored()
    {
        var documents = Enumerable.Range(1, 40)
            .Select(i => SearchTestIndex.Document($"Thủ tục hành chính {i}", text: "Dịch vụ công.", type: i % 3 == 0 ? "directive" : "article",
                date: May.AddYears(-(i % 4)), unit: i % 2 == 0 ? UnitA : UnitB))
            .ToArray();
        using var test = SearchTestIndex.With(documents);
        var request = new SearchRequest("thu tuc hanh chinh", Type: "article", Year: 2025, PageSize: 50);

        var scored = Run(test, request, broadMatches: int.MaxValue);
        var broad = Run(test, request, broadMatches: 1);

        Assert.Equal(scored.Total, broad.Total);
        Assert.True(broad.Total > 0);
        Assert.Equal(scored.Hits.Select(h => h.Key).Order(), broad.Hits.Select(h => h.Key).Order());
        foreach (var facet in new[] { SearchFacet.Type, SearchFacet.Unit, SearchFacet.Year })
        {
            Assert.Equal(scored.Counts[facet].OrderBy(c => c.Key), broad.Counts[facet].OrderBy(c => c.Key));
        }
    }

    [Fact]
    public void Run_DocumentDeletedAfterABroadSearch_NoLongerCounted()
    {
        var removed = Guid.NewGuid();
        var documents = Enumerable.Range(1, 20)
            .Select(i => SearchTestIndex.Document($"Tin {i}", text: "cải cách hành chính", key: i == 7 ? removed : null))
            .ToArray();
        using var test = SearchTestIndex.With(documents);
        Assert.Equal(20, Run(test, new SearchRequest("cải cách hành chính"), broadMatches: 5).Total);

        test.Index.Change(g => g.Delete(removed));
        test.Index.Change(g => g.Refresh());

        var after = Run(test, new SearchRequest("cải cách hành chính", PageSize: 50), broadMatches: 5);
        Assert.Equal(19, after.Total);
        Assert.DoesNotContain(removed, after.Hits.Select(h => h.Key));
    }

    [Fact]
    public void Run_SortByDateOverBroadQuery_NewestFirst()
    {
        var documents = Enumerable.Range(1, 12)
            .Select(i => SearchTestIndex.Document($"Tin {i} cải cách hành chính", date: May.AddDays(i * 3 % 12)))
            .ToArray();
        using var test = SearchTestIndex.With(documents);

        var page = Run(test, new SearchRequest("cải cách", Sort: SearchSort.Date, PageSize: 12), broadMatches: 2);

        Assert.Equal(page.Hits.Select(h => h.Date).OrderDescending(), page.Hits.Select(h => h.Date));
        Assert.Equal(12, page.Hits.Count);
    }

    private static readonly Guid UnitA = Guid.Parse("0f8b1a52-8d3e-4f6e-9d7c-1a2b3c4d5e6f");
    private static readonly Guid UnitB = Guid.Parse("7c6d5e4f-3a2b-4c1d-8e9f-0a1b2c3d4e5f");

    private IndexPage Run(SearchTestIndex test, SearchRequest request, int broadMatches) =>
        test.Index.Search(s => IndexQueryRunner.Run(s, new IndexQuery(builder.Build(SearchInput.Parse(request.Text))!, request), broadMatches))!;
}
