using Portal.Core.Schema;
using Portal.Core.Workflow;

namespace Portal.Web.Features.Management.Documents;

/// <summary>The name and stored values a create or update body carries, or why it cannot be used.</summary>
internal static class DocumentInput
{
    public static bool TryRead(IReadOnlyList<DocumentValueModel>? values, IReadOnlyList<DocumentVariantRequest>? variants, ContentType? contentType,
        out string name, out Dictionary<string, string> stored, out IResult? problem)
    {
        name = string.Empty;
        stored = new Dictionary<string, string>(StringComparer.Ordinal);
        problem = null;

        // Portal's documents are invariant: a value or name for one language would silently be lost, so it is refused.
        if ((values ?? []).Any(v => v.Culture is not null || v.Segment is not null)
            || (variants ?? []).Any(v => v.Culture is not null || v.Segment is not null))
        {
            problem = ManagementRequests.Malformed("Cổng chỉ có một ngôn ngữ: culture và segment phải là null.");
            return false;
        }

        if (variants is { Count: > 1 })
        {
            problem = ManagementRequests.Malformed("Chỉ được gửi một biến thể (variants) với culture null.");
            return false;
        }

        name = variants is [{ Name: { } given }] ? given : string.Empty;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in values ?? [])
        {
            if (string.IsNullOrWhiteSpace(value.Alias))
            {
                problem = ManagementRequests.Malformed("Mỗi giá trị (values) cần có alias của trường.");
                return false;
            }

            if (!seen.Add(value.Alias))
            {
                problem = ManagementRequests.Malformed($"Trường «{value.Alias}» xuất hiện nhiều lần trong values.");
                return false;
            }

            var editor = contentType?.FindField(value.Alias)?.Editor ?? FieldEditor.Unknown;
            if (DocumentValues.ToStored(editor, value.Value) is { } text)
            {
                stored[value.Alias] = text;
            }
        }

        return true;
    }

    /// <summary>The verb's answer: 200 with an empty body on success (Umbraco's behaviour), else the mapped problem.</summary>
    public static IResult Answer(ContentOperationResult result) => result.Succeeded ? TypedResults.Ok() : ManagementProblems.For(result);
}
