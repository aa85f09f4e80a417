using Portal.Core.Schema;
using Portal.Core.Search;
using Portal.Core.Text;
using A = Portal.Core.Procedures.ProcedureAliases;

namespace Portal.Infrastructure.Search;

/// <summary>Turns a document's edition into what an index holds: its title, summary, words, date and codes.</summary>
internal static class SearchDocumentFactory
{
    private static readonly string[] TitleFields = ["title", "unitName"];
    private static readonly string[] SummaryFields = ["summary", "intro", "metaDescription", "description"];

    /// <summary>The date a reader files the item under (a decision's date, a document's issue date); else when it was written.</summary>
    private static readonly string[] DateFields = ["issueDate", "decisionDate", "publishDate", "startDate"];

    private static readonly string[] CodeFields = [A.Code, A.LocalCode];

    /// <summary>Values that are settings, not words a reader searches for.</summary>
    private static readonly HashSet<string> SkippedFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "umbracoNaviHide", "metaTitle", "metaDescription", A.NationalUrl, A.NationalStatus, "placements",
    };

    public static SearchDocument Create(Guid key, string path, string contentTypeAlias, string name, IReadOnlyDictionary<string, string> values,
        DateTime createdAt, Guid? unitKey, string url, bool published)
    {
        var title = VietnameseText.Nfc(SearchInput.Visible(First(values, TitleFields) ?? name));
        var summary = First(values, SummaryFields) is { } stored ? FieldText.Plain(stored) : null;
        var words = new List<string>();
        if (!string.Equals(title, name, StringComparison.Ordinal))
        {
            words.Add(name);
        }

        foreach (var (alias, value) in values)
        {
            if (!SkippedFields.Contains(alias) && !TitleFields.Contains(alias, StringComparer.Ordinal) && FieldText.Plain(value) is { Length: > 0 } text)
            {
                words.Add(text);
            }
        }

        var codes = CodeFields.Select(f => values.GetValueOrDefault(f)?.Trim()).OfType<string>().Where(c => c.Length > 0).ToList();
        return new SearchDocument(key, path, contentTypeAlias, title, string.IsNullOrEmpty(summary) ? null : VietnameseText.Nfc(SearchInput.Visible(summary)),
            VietnameseText.Nfc(SearchInput.Visible(string.Join(' ', words))), url, DateOf(values, createdAt), unitKey, codes, published,
            values.GetValueOrDefault(A.Keywords) is { } keywords ? VietnameseText.Nfc(SearchInput.Visible(FieldText.Plain(keywords))) : string.Empty);
    }

    private static string? First(IReadOnlyDictionary<string, string> values, string[] aliases) =>
        aliases.Select(a => values.GetValueOrDefault(a)).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();

    private static DateTime DateOf(IReadOnlyDictionary<string, string> values, DateTime createdAt)
    {
        foreach (var alias in DateFields)
        {
            if (values.GetValueOrDefault(alias) is { Length: >= 10 } text && FieldValueRules.TryParseDate(text.Trim(), out var date))
            {
                return date;
            }
        }

        return createdAt;
    }
}
