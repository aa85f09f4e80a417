using Portal.Core.Search;

namespace Portal.Core.Tests.Search;

public sealed class SearchSynonymsTests
{
    [Fact]
    public void Match_Abbreviation_FindsGroupOfOneWord()
    {
        var match = SearchSynonyms.Match(["tthc", "dat", "dai"], 0);

        Assert.NotNull(match);
        Assert.Equal(1, match.Value.Length);
        Assert.Contains(match.Value.Group, form => form.SequenceEqual(["thu", "tuc", "hanh", "chinh"]));
    }

    [Fact]
    public void Match_LongForm_ConsumesAllItsWords()
    {
        var match = SearchSynonyms.Match(["cap", "uy", "ban", "nhan", "dan", "tinh"], 1);

        Assert.Equal(4, match?.Length);
        Assert.Contains(match!.Value.Group, form => form.SequenceEqual(["ubnd"]));
    }

    [Fact]
    public void Match_WordsOfNoGroup_Null() => Assert.Null(SearchSynonyms.Match(["khai", "sinh"], 0));

    [Fact]
    public void Match_LongFormCutShort_Null() => Assert.Null(SearchSynonyms.Match(["thu", "tuc", "hanh"], 0));
}
