namespace Portal.Core.Schema;

/// <summary>Umbraco's document reference, <c>umb://document/{32 hex digits}</c>, as stored by content pickers.</summary>
public static class DocumentUdi
{
    private const string Prefix = "umb://document/";

    public static string Format(Guid key) => Prefix + key.ToString("N");

    public static bool TryParse(string value, out Guid key)
    {
        var text = value.Trim();
        if (text.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return Guid.TryParseExact(text[Prefix.Length..], "N", out key);
        }

        return Guid.TryParse(text, out key);
    }
}
