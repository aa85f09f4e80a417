using System.Globalization;
using System.Text.Json;

namespace Portal.Core.Procedures.Import;

/// <summary>Turns one JSON object of an import file into a <see cref="NationalProcedureRecord"/>.</summary>
public static class NationalJson
{
    /// <summary>
    /// Keys are lower-cased; strings, numbers and booleans become text, null becomes empty text (the file clears the
    /// field), an array of scalars becomes a list, an array of objects (or a single object) becomes table rows.
    /// Returns null when <paramref name="element"/> is not an object.
    /// </summary>
    public static NationalProcedureRecord? ToRecord(JsonElement element, int position, RecordPositionKind positionKind)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var fields = new Dictionary<string, NationalValue>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            fields[property.Name.Trim().ToLowerInvariant()] = ToValue(property.Value);
        }

        return new NationalProcedureRecord(position, positionKind, fields);
    }

    private static NationalValue ToValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array when value.EnumerateArray().Any(e => e.ValueKind == JsonValueKind.Object) =>
            NationalValue.FromRows(value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).Select(ToRow).ToList()),
        JsonValueKind.Array => NationalValue.FromItems(value.EnumerateArray().Select(Scalar).Where(s => s.Length > 0).ToList()),
        JsonValueKind.Object => NationalValue.FromRows([ToRow(value)]),
        _ => NationalValue.FromText(Scalar(value)),
    };

    private static Dictionary<string, string> ToRow(JsonElement row)
    {
        var cells = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in row.EnumerateObject())
        {
            cells[property.Name.Trim().ToLowerInvariant()] = Scalar(property.Value);
        }

        return cells;
    }

    private static string Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? string.Empty,
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => bool.TrueString.ToLower(CultureInfo.InvariantCulture),
        JsonValueKind.False => bool.FalseString.ToLower(CultureInfo.InvariantCulture),
        JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(Scalar).Where(s => s.Length > 0)),
        JsonValueKind.Object => value.GetRawText(),
        _ => string.Empty,
    };
}
