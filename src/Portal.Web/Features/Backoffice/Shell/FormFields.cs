using Portal.Web.Features.SignIn;

namespace Portal.Web.Features.Backoffice.Shell;

/// <summary>
/// One labelled input for <c>_TextField.cshtml</c>: its message, when refused, sits between label and input and is tied
/// to the input by <c>aria-describedby</c>, as the error summary links to the input's id.
/// </summary>
internal sealed record TextField(string Id, string Name, string Label, string? Value, FormError? Error, string Type = "text",
    string? Hint = null, string? Autocomplete = null);

internal static class FormErrors
{
    public static FormError? For(this IReadOnlyList<FormError> errors, string fieldId) => errors.FirstOrDefault(e => e.FieldId == fieldId);

    /// <summary>The <c>aria-describedby</c> of an input: its hint and, when refused, its message.</summary>
    public static string? DescribedBy(string fieldId, bool hasHint, FormError? error)
    {
        var ids = new List<string>(2);
        if (hasHint)
        {
            ids.Add(fieldId + "-goi-y");
        }

        if (error is not null)
        {
            ids.Add(fieldId + "-loi");
        }

        return ids.Count == 0 ? null : string.Join(' ', ids);
    }
}

/// <summary>
/// After a change, a page redirects to itself with a notice code (<c>?thong-bao=da-luu</c>); each section turns its codes
/// into text, never the address's own words, so a link cannot make a page say anything else.
/// </summary>
internal static class BackofficeNotices
{
    public static string Link(string path, string code) => $"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}thong-bao={code}";
}
