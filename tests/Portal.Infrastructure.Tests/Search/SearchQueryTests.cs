using System.Text;
using Portal.Core.Search;
using Portal.Infrastructure.Search;
using Portal.Infrastructure.Search.Analysis;

namespace Portal.Infrastructure.Tests.Search;

public sealed class SearchQueryTests
{
    private readonly SearchQueryBuilder builder = new();
    private readonly SearchHighlighter highlighter = new();

    [Fact]
    public void Tokens_FoldedField_DropsEveryVietnameseMark() =>
        Assert.Equal(["dang", "ky", "khai", "sinh", "duong", "uu", "o"], builder.Tokens(SearchFields.TextFolded, "Đăng ký khai sinh đường ưu ở"));

    [Fact]
    public void Tokens_DecomposedInput_SameAsComposed() =>
        Assert.Equal(builder.Tokens(SearchFields.TextExact, "Hòa giải thủ tục"),
            builder.Tokens(SearchFields.TextExact, "Hòa giải thủ tục".Normalize(NormalizationForm.FormD)));

    [Fact]
    public void Tokens_ExactField_ToneplacementAndPlaceNameVariantsMeet()
    {
        Assert.Equal(builder.Tokens(SearchFields.TextExact, "hòa thúy khỏe Đăk"), builder.Tokens(SearchFields.TextExact, "hoà thuý khoẻ Đắk"));
    }

    [Fact]
    public void Tokens_ProcedureCode_StaysOneToken() => Assert.Equal(["1.001193"], builder.Tokens(SearchFields.TextFolded, "1.001193"));

    [Fact]
    public void Search_WithoutDiacritics_FindsAccentedTitle()
    {
        using var test = SearchTestIndex.With(SearchTestIndex.Document("Thủ tục đăng ký khai sinh"), SearchTestIndex.Document("Thủ tục đăng ký kết hôn"));

        var hits = Titles(test, "dang ky khai sinh");

        Assert.Equal(["Thủ tục đăng ký khai sinh"], hits);
    }

    [Fact]
    public void Search_WithDiacritics_ExactSpellingRanksAboveFoldedOne()
    {
        using var test = SearchTestIndex.With(SearchTestIndex.Document("Dương Minh Châu, tổ dân phố 3"), SearchTestIndex.Document("Đường giao thông nông thôn"));

        Assert.Equal(2, Titles(test, "duong").Count);
        Assert.Equal("Đường giao thông nông thôn", Titles(test, "đường")[0]);
        Assert.Equal("Dương Minh Châu, tổ dân phố 3", Titles(test, "Dương")[0]);
    }

    [Fact]
    public void Search_NewStyleToneQuery_FindsOldStyleText()
    {
        using var test = SearchTestIndex.With(SearchTestIndex.Document("Thủ tục hòa giải tranh chấp đất đai"), SearchTestIndex.Document("Giải thưởng văn học"));

        Assert.Equal("Thủ tục hòa giải tranh chấp đất đai", Titles(test, "hoà giải")[0]);
        Assert.Equal("Thủ tục hòa giải tranh chấp đất đai", Titles(test, "hoà giải".Normalize(NormalizationForm.FormD))[0]);
    }

    [Theory]
    [InlineData("TTHC", "Công khai thủ tục hành chính tại bộ phận một cửa")]
    [InlineData("thủ tục hành chính", "Rà soát TTHC năm 2026")]
    [InlineData("UBND tỉnh", "Ủy ban nhân dân tỉnh ban hành kế hoạch")]
    [InlineData("phản ánh kiến nghị", "Tiếp nhận PAKN qua tổng đài")]
    public void Search_AbbreviationOrLongForm_FindsTheOther(string query, string expected)
    {
        using var test = SearchTestIndex.With(
            SearchTestIndex.Document("Công khai thủ tục hành chính tại bộ phận một cửa"),
            SearchTestIndex.Document("Rà soát TTHC năm 2026"),
            SearchTestIndex.Document("Ủy ban nhân dân tỉnh ban hành kế hoạch"),
            SearchTestIndex.Document("Tiếp nhận PAKN qua tổng đài"),
            SearchTestIndex.Document("Tin thể thao"));

        Assert.Contains(expected, Titles(test, query));
    }

    [Fact]
    public void Search_ShortAndFullCode_MatchWhole()
    {
        using var test = SearchTestIndex.With(
            SearchTestIndex.Document("Thủ tục đăng ký khai sinh", type: "procedure", codes: ["1.001193", "1.001193.000.00.00.H34"]),
            SearchTestIndex.Document("Thủ tục đăng ký khai tử", type: "procedure", codes: ["1.000656"]));

        Assert.Equal(["Thủ tục đăng ký khai sinh"], Titles(test, "1.001193"));
        Assert.Equal("Thủ tục đăng ký khai sinh", Titles(test, "1.001193.000.00.00.H34")[0]);
    }

    [Fact]
    public void Search_QuotedPhrase_WordsMustStandTogether()
    {
        using var test = SearchTestIndex.With(SearchTestIndex.Document("Cấp lại giấy phép lái xe"), SearchTestIndex.Document("Giấy xác nhận cho người lái phép xe"));

        Assert.Equal(["Cấp lại giấy phép lái xe"], Titles(test, "\"giấy phép lái xe\""));
        Assert.Equal(2, Titles(test, "giấy phép lái xe").Count);
    }

    [Theory]
    [InlineData("title:x AND *:*")]
    [InlineData("\"unclosed")]
    [InlineData("\\")]
    [InlineData("((((")]
    [InlineData("[a TO z] {a TO b}")]
    [InlineData("a~2^3 /regex/ ? * - + && || !")]
    [InlineData("\u0000\u0001 \ud800 🙂 \u200f")]
    [InlineData("")]
    public void Search_HostileInput_NeverThrows(string typed)
    {
        using var test = SearchTestIndex.With(SearchTestIndex.Document("Thủ tục đăng ký khai sinh"));

        var exception = Record.Exception(() => Titles(test, typed + " khai sinh"));

        Assert.Null(exception);
    }

    [Fact]
    public void Facets_EachCountedOverTheOtherChoices()
    {
        var year2025 = new DateTime(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        using var test = SearchTestIndex.With(
            SearchTestIndex.Document("Cải cách hành chính tin một", date: year2025),
            SearchTestIndex.Document("Cải cách hành chính tin hai"),
            SearchTestIndex.Document("Cải cách hành chính chỉ đạo", type: "directive"),
            SearchTestIndex.Document("Cải cách hành chính chỉ đạo cũ", type: "directive", date: year2025));

        var page = Run(test, new SearchRequest("cải cách", Type: "article", Year: 2026));

        Assert.Equal(1, page.Total);
        Assert.Equal(1, page.Counts[SearchFacet.Type]["article"]);
        Assert.Equal(1, page.Counts[SearchFacet.Type]["directive"]);
        Assert.Equal(1, page.Counts[SearchFacet.Year]["2025"]);
        Assert.Equal(1, page.Counts[SearchFacet.Year]["2026"]);
    }

    [Fact]
    public void Run_SortByDate_NewestFirst()
    {
        using var test = SearchTestIndex.With(
            SearchTestIndex.Document("Kế hoạch CCHC năm 2024", date: new DateTime(2024, 1, 5, 0, 0, 0, DateTimeKind.Utc)),
            SearchTestIndex.Document("Kế hoạch", text: "cải cách hành chính", date: new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc)));

        var page = Run(test, new SearchRequest("kế hoạch", Sort: SearchSort.Date));

        Assert.Equal(["Kế hoạch", "Kế hoạch CCHC năm 2024"], page.Hits.Select(h => h.Title));
    }

    [Fact]
    public void Highlight_FoldedQuery_MarksOriginalWordsAndEncodesMarkup()
    {
        var query = builder.Build(SearchInput.Parse("thu tuc"))!.Match;

        var title = highlighter.Title(query, "Thủ tục <script>alert(1)</script> & \"mẫu\"");

        Assert.Equal("<mark>Thủ</mark> <mark>tục</mark> &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;mẫu&quot;", title);
    }

    [Fact]
    public void Build_OnlyPunctuation_Null() => Assert.Null(builder.Build(SearchInput.Parse("?!...")));

    private List<string> Titles(SearchTestIndex test, string typed) => Run(test, new SearchRequest(typed)).Hits.Select(h => h.Title).ToList();

    private IndexPage Run(SearchTestIndex test, SearchRequest request) =>
        builder.Build(SearchInput.Parse(request.Text)) is { } query
            ? test.Index.Search(s => IndexQueryRunner.Run(s, new IndexQuery(query, request)))!
            : new IndexPage([], 1, 1, 0, new Dictionary<SearchFacet, Dictionary<string, int>>());
}
