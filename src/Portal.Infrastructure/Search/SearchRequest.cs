namespace Portal.Infrastructure.Search;

public enum SearchSort
{
    Relevance = 0,
    Date = 1,
}

/// <summary>The filters a results page offers beside the text; each one's counts follow the other filters.</summary>
public enum SearchFacet
{
    Type = 0,
    Unit = 1,
    Year = 2,
}

/// <summary>
/// A search as a visitor or editor asks it. <see cref="Text"/> is whatever was typed (never parsed as query syntax);
/// <see cref="Type"/> a content type alias, <see cref="Unit"/> a unit's key, <see cref="Year"/> the year of the item's date.
/// </summary>
public sealed record SearchRequest(string? Text, string? Type = null, Guid? Unit = null, int? Year = null,
    SearchSort Sort = SearchSort.Relevance, int Page = 1, int PageSize = 10);

/// <param name="TitleHtml">The title, HTML-encoded, with matched words in <c>&lt;mark&gt;</c>.</param>
/// <param name="SnippetHtml">The best passage of the text (or the summary), HTML-encoded, matched words in <c>&lt;mark&gt;</c>; empty when there is no text.</param>
/// <param name="Url">The public address (site search) or the editor's address (backoffice search).</param>
/// <param name="Path">The document's tree path (<c>/key/key/</c>), for permission checks.</param>
/// <param name="Published">Backoffice search: whether a published edition exists (the site search only holds published ones).</param>
public sealed record SearchHit(Guid Key, string Title, string TitleHtml, string SnippetHtml, string Url, string ContentTypeAlias,
    DateTime Date, Guid? UnitKey, string? Code, string Path, bool Published, float Score);

/// <summary>One choice of a facet: the query value, what people read, and how many results choosing it gives.</summary>
public sealed record SearchFacetValue(string Value, string Label, int Count, bool Selected);

/// <param name="Degraded">The index is being built or healed: results come from the simple title matcher until it is ready.</param>
public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, int Page, int PageCount, int Total,
    IReadOnlyDictionary<SearchFacet, IReadOnlyList<SearchFacetValue>> Facets, bool Degraded)
{
    public static SearchResults Empty { get; } = new([], 1, 1, 0, new Dictionary<SearchFacet, IReadOnlyList<SearchFacetValue>>(), false);

    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < PageCount;
}

/// <summary>A title offered while typing.</summary>
public sealed record SearchSuggestion(string Title, string Url);
