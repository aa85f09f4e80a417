using Portal.Data.Content;
using System.Globalization;
using System.Text.Json;
using Portal.Core.Schema;
using Portal.Infrastructure.PublishedCache;

namespace Portal.Web.Features.Site;

public sealed record PageLink(string Title, string Url, DateTime Date);

/// <summary>
/// A live page as every view sees it: where it is, its breadcrumbs and children, and typed readers over
/// its stored field values. Each content type alias has its own subclass and its own view.
/// </summary>
public abstract class PublishedPage
{
    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    public required PublishedNode Node { get; init; }
    public required PublishedContent Content { get; init; }
    public required string Url { get; init; }
    public required IReadOnlyList<PageLink> Breadcrumbs { get; init; }
    public required IReadOnlyList<PageLink> Children { get; init; }
    public required IReadOnlyList<PageLink> Navigation { get; init; }

    public string Title => Text("title") ?? Text("unitName") ?? Content.Name;

    public string? Text(string alias) =>
        Content.Values.TryGetValue(alias, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    /// <summary>Rich text markup, already sanitised when it was saved.</summary>
    public string? Html(string alias)
    {
        var value = Text(alias);
        if (value is null || !FieldValueRules.IsRichTextJson(value))
        {
            return null;
        }

        using var json = JsonDocument.Parse(value);
        return json.RootElement.GetProperty("markup").GetString();
    }

    public IReadOnlyList<string> List(string alias) => Text(alias) is { } value ? FieldValueRules.ReadList(value) : [];

    /// <summary>The single choice of a dropdown.</summary>
    public string? First(string alias) => List(alias) is [var first, ..] ? first : null;

    public bool Toggle(string alias) => Text(alias) is "1" or "true" or "True";

    public int? Number(string alias) =>
        int.TryParse(Text(alias), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary>A date field shown as Vietnamese readers expect: dd/MM/yyyy.</summary>
    public string? Date(string alias) =>
        Text(alias) is { } value && FieldValueRules.TryParseDate(value, out var date) ? FormatDate(date) : null;

    public string PublishedDate => FormatDate(Node.CreatedAt.Add(VietnamOffset));

    public static string FormatDate(DateTime date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string FormatLocalDate(DateTime utc) => FormatDate(utc.Add(VietnamOffset));
}

public sealed class HomePage : PublishedPage
{
    public string? Intro => Text("intro");
}

public sealed class ColumnPage : PublishedPage
{
    public string? Intro => Text("intro");
    public required IReadOnlyList<PageLink> Featured { get; init; }
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
}

public sealed class DirectiveListPage : PublishedPage
{
    public string? Intro => Text("intro");
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
}

public sealed class TrainingCoursePage : PublishedPage
{
    public string? Topic => Text("topic");
    public string? StartDate => Date("startDate");
    public string? EndDate => Date("endDate");
    public string? Place => Text("place");
    public string? Organiser => Text("organiser");
    public string? Audience => Text("audience");
    public int? QuotaProvincial => Number("quotaProvincial");
    public int? QuotaDistrict => Number("quotaDistrict");
    public int? QuotaCommune => Number("quotaCommune");
    public string? Body => Html("body");
}

public sealed class ContentPage : PublishedPage
{
    public string? Body => Html("body");
}

public sealed class SearchPage : PublishedPage;

/// <summary>A page of a content type Portal has no template for (imported from another site): its fields as text.</summary>
public sealed class UntemplatedPage : PublishedPage;
