using Portal.Data.Content;
using System.Globalization;
using System.Text.Json;
using Portal.Core.Schema;
using Portal.Core.Text;
using Portal.Infrastructure.PublishedCache;
using Portal.Infrastructure.Search;
using Portal.Web.Features.Search;

namespace Portal.Web.Features.Site;

public sealed record PageLink(string Title, string Url, DateTime Date);

/// <summary>
/// A live page as every view sees it: where it is, its breadcrumbs and children, and typed readers over
/// its stored field values. Each content type alias has its own subclass and its own view.
/// </summary>
public abstract class PublishedPage
{
    public PublishedNode Node { get; private set; } = null!;
    public PublishedContent Content { get; private set; } = null!;
    public string Url { get; private set; } = "/";
    public IReadOnlyList<PageLink> Breadcrumbs { get; private set; } = [];
    public IReadOnlyList<PageLink> Children { get; private set; } = [];
    public IReadOnlyList<PageLink> Navigation { get; private set; } = [];

    /// <summary>The page's own absolute address, for canonical links, sharing and structured data.</summary>
    public string CanonicalUrl { get; private set; } = string.Empty;

    /// <summary>Sets what every page kind has; the page kind's own lists are set by the builder before.</summary>
    internal PublishedPage Attach(PublishedNode node, PublishedContent content, string url, string canonicalUrl, IReadOnlyList<PageLink> breadcrumbs,
        IReadOnlyList<PageLink> children, IReadOnlyList<PageLink> navigation)
    {
        Node = node;
        Content = content;
        Url = url;
        CanonicalUrl = canonicalUrl;
        Breadcrumbs = breadcrumbs;
        Children = children;
        Navigation = navigation;
        return this;
    }

    /// <summary>One sentence for search engines and link previews.</summary>
    public string? Description => PlainText(Text("summary") ?? Text("metaDescription") ?? Text("intro") ?? Text("topic"));

    /// <summary>A stored value (rich text or plain) reduced to its words, as search indexes it, cut at a word boundary: for descriptions.</summary>
    public static string? PlainText(string? stored, int maxLength = 200)
    {
        if (stored is null)
        {
            return null;
        }

        var text = FieldText.Plain(stored);
        if (text.Length <= maxLength)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', maxLength);
        return text[..(cut > 0 ? cut : maxLength)] + "…";
    }

    /// <summary>Links to the previous and next page of a paged list, for rel=prev/next.</summary>
    public string? PreviousPageUrl { get; init; }

    public string? NextPageUrl { get; init; }

    public DateTime UpdatedAt => Node.UpdatedAt;

    public virtual string Title => Text("title") ?? Text("unitName") ?? Content.Name;

    public string? Text(string alias) => Content.Text(alias);

    /// <summary>Rich text markup, already sanitised when it was saved.</summary>
    public string? Html(string alias) => Text(alias) is { } value ? FieldValueRules.RichTextMarkup(value) : null;

    public IReadOnlyList<string> List(string alias) => Text(alias) is { } value ? FieldValueRules.ReadList(value) : [];

    /// <summary>The single choice of a dropdown.</summary>
    public string? First(string alias) => Content.First(alias);

    public bool Toggle(string alias) => FieldValueRules.IsOn(Text(alias));

    public int? Number(string alias) =>
        int.TryParse(Text(alias), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary>A date field shown as Vietnamese readers expect: dd/MM/yyyy.</summary>
    public string? Date(string alias) =>
        Text(alias) is { } value && FieldValueRules.TryParseDate(value, out var date) ? FormatDate(date) : null;

    public string PublishedDate => FormatDate(VietnamTime.FromUtc(Node.CreatedAt));

    public static string FormatDate(DateTime date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string FormatLocalDate(DateTime utc) => FormatDate(VietnamTime.FromUtc(utc));

    public static string LocalIsoDate(DateTime utc) => VietnamTime.FromUtc(utc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

public sealed class HomePage : PublishedPage
{
    public string? Intro => Text("intro");
    public IReadOnlyList<ListItem> LatestNews { get; init; } = [];
    /// <summary>"Chuyên trang CCHC nổi bật": the column's visible featured placements, or all visible ones when none is featured.</summary>
    public IReadOnlyList<CuratedItem> Showcase { get; init; } = [];
    public IReadOnlyList<ListItem> LatestDirectives { get; init; } = [];
    public string? ColumnUrl { get; init; }
    public string? DirectivesUrl { get; init; }
    public string? ProceduresUrl { get; init; }
    public string? ForumUrl { get; init; }
    public string? IndexResultsUrl { get; init; }
    /// <summary>The province's newest result of each index that has one.</summary>
    public IReadOnlyList<Portal.Core.Programme.IndexResult> LatestIndexResults { get; init; } = [];
}

public sealed class ColumnPage : PublishedPage
{
    public string? Intro => Text("intro");
    /// <summary>The visible placements, featured first (first page of the unfiltered list only; empty elsewhere).</summary>
    public required IReadOnlyList<CuratedItem> Curated { get; init; }
    public Paged<ListItem> Items { get; init; } = new([], 1, 1, 0);
    public string? Category { get; init; }
    /// <summary>The results page of the column's newest contest, for the «Kết quả cuộc thi tìm hiểu» box; null when there is none.</summary>
    public PageLink? ContestResults { get; init; }
}

public sealed class ArticlePage : PublishedPage
{
    public string? Summary => Text("summary");
    public string? Body => Html("body");
    public string? Author => Text("author");
    public string? Source => Text("source");
    public string? Category => First("category");
    public IReadOnlyList<string> Tags => List("tags");
    public PageLink? Unit { get; init; }
    /// <summary>The article's own <c>relatedItems</c> that are live, then siblings of the same category.</summary>
    public IReadOnlyList<ListItem> Related { get; init; } = [];
    public IReadOnlyList<DateTime> Updates { get; init; } = [];
    public bool PrintView { get; init; }
    /// <summary>Zalo's share page for this article; null when no Zalo Official Account is configured.</summary>
    public string? ZaloShareUrl { get; init; }
}

public sealed class DirectiveListPage : PublishedPage
{
    public string? Intro => Text("intro");
    public Paged<ListItem> Items { get; init; } = new([], 1, 1, 0);
}

public sealed class DirectivePage : PublishedPage
{
    public string? Summary => Text("summary");
    public string? Body => Html("body");
    public string? DocumentNumber => Text("documentNumber");
    public string? IssueDate => Date("issueDate");
    public string? Signer => Text("signer");
    public string? IssuingBody => Text("issuingBody");
}

public sealed class LegalDocumentListPage : PublishedPage
{
    public string? Intro => Text("intro");
    public IReadOnlyList<ListItem> Documents { get; init; } = [];
    public IReadOnlyList<string> Types { get; init; } = [];
    public IReadOnlyList<string> Issuers { get; init; } = [];
    public IReadOnlyList<int> Years { get; init; } = [];
    public string? Type { get; init; }
    public string? Issuer { get; init; }
    public int? Year { get; init; }
}

public sealed class LegalDocumentPage : PublishedPage
{
    public string? DocumentNumber => Text("documentNumber");
    public string? DocumentType => First("documentType");
    public string? IssueDate => Date("issueDate");
    public string? Issuer => Text("issuer");
    public string? Signer => Text("signer");
    public string? Summary => Text("summary");
}

public sealed class UnitsRootPage : PublishedPage
{
    public string? Intro => Text("intro");
    public IReadOnlyList<(string Kind, IReadOnlyList<PageLink> Units)> Groups { get; init; } = [];
}

public sealed class UnitPage : PublishedPage
{
    public string? Kind => First("kind");
    public string? Intro => Html("intro");
    public string? Address => Text("address");
    public string? Phone => Text("phone");
    public string? Email => Text("email");
    public string? Leader => Text("leader");
    public string? Website => Text("website");
    public IReadOnlyList<ListItem> Articles { get; init; } = [];
    public int Year { get; init; }
    public IReadOnlyList<int> MonthlyCounts { get; init; } = [];
    /// <summary>The unit's own index results, where the province scores its units (empty: the section is not shown).</summary>
    public IReadOnlyList<Portal.Core.Programme.IndexResult> IndexResults { get; init; } = [];
}

public sealed class ProcedureSetPage : PublishedPage
{
    public string? Intro => Text("intro");
}

public sealed class ProcedurePage : PublishedPage
{
    public string? Code => Text("procedureCode");
    public IReadOnlyList<string> Levels => List("level");
    public string? Field => Text("procedureField");
    public string? Steps => Html("steps");
}

public sealed class ForumRootPage : PublishedPage
{
    public string? Intro => Text("intro");
}

public sealed class IndexResultsPage : PublishedPage
{
    public string? Intro => Html("intro");
    /// <summary>The province's results as entered; a year without a row stays empty.</summary>
    public IReadOnlyList<Portal.Core.Programme.IndexResult> Province { get; init; } = [];
    /// <summary>The years the charts and tables show.</summary>
    public IReadOnlyList<int> Years { get; init; } = [];
    /// <summary>Per index, the units' results of the newest year any unit has one, best rank first.</summary>
    public IReadOnlyList<IndexUnitRanking> UnitRankings { get; init; } = [];
}

public sealed record IndexUnitRanking(Portal.Core.Programme.ReformIndex Index, int Year, IReadOnlyList<Portal.Core.Programme.IndexResult> Units);

public sealed class TrainingCoursePage : PublishedPage
{
    public string? Topic => Text("topic");
    public string? StartDate => Date("startDate");
    public string? EndDate => Date("endDate");
    public string? Place => Text("place");
    public string? Organiser => Text("organiser");
    public string? Audience => Text("audience");
    public string? Body => Html("body");
}

public sealed class ContentPage : PublishedPage
{
    public string? Body => Html("body");
}

/// <summary><c>/tim-kiem</c>: the site search, its filters with counts, one page of highlighted results.</summary>
public sealed class SearchPage : PublishedPage
{
    public SiteSearchQuery Query { get; init; } = new(string.Empty, null, null, null, SearchSort.Relevance, 1);
    public SearchResults Results { get; init; } = SearchResults.Empty;
    public IReadOnlyList<SearchPageHit> Hits { get; init; } = [];
    public IReadOnlyList<SearchPageFacet> Facets { get; init; } = [];
}

/// <summary>A page of a content type Portal has no template for (imported from another site): its fields as text.</summary>
public sealed class UntemplatedPage : PublishedPage;
