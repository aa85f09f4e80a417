namespace Portal.Infrastructure.Delivery;

/// <summary>
/// The <c>expand</c> and <c>fields</c> grammar: <c>properties[$all]</c>, <c>properties[a,b]</c>,
/// <c>properties[a[properties[x]]]</c>, <c>properties[$all[properties[x]]]</c>. A nested selection applies to
/// the items a picker property points at.
/// </summary>
public sealed class PropertySelection
{
    private readonly Dictionary<string, PropertySelection?> named;

    private PropertySelection(bool all, PropertySelection? allNested, Dictionary<string, PropertySelection?> named)
    {
        All = all;
        AllNested = allNested;
        this.named = named;
    }

    /// <summary>No property selected: the default of <c>expand</c>.</summary>
    public static readonly PropertySelection None = new(false, null, new Dictionary<string, PropertySelection?>(StringComparer.OrdinalIgnoreCase));

    /// <summary>Every property: the default of <c>fields</c>.</summary>
    public static readonly PropertySelection Every = new(true, null, new Dictionary<string, PropertySelection?>(StringComparer.OrdinalIgnoreCase));

    public bool All { get; }

    private PropertySelection? AllNested { get; }

    public bool Includes(string alias) => All || named.ContainsKey(alias);

    /// <summary>The selection for the items property <paramref name="alias"/> points at, when one was given.</summary>
    public PropertySelection? NestedFor(string alias) =>
        named.TryGetValue(alias, out var nested) && nested is not null ? nested : All ? AllNested : null;

    /// <summary>Parses the grammar; text that does not follow it selects nothing rather than failing the request.</summary>
    public static PropertySelection? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var position = 0;
        var parsed = ParseProperties(text.Trim(), ref position);
        return parsed is not null && position == text.Trim().Length ? parsed : null;
    }

    private static PropertySelection? ParseProperties(string text, ref int position)
    {
        const string Opening = "properties[";
        if (string.CompareOrdinal(text, position, Opening, 0, Opening.Length) != 0)
        {
            return null;
        }

        position += Opening.Length;
        var all = false;
        PropertySelection? allNested = null;
        var named = new Dictionary<string, PropertySelection?>(StringComparer.OrdinalIgnoreCase);
        while (position < text.Length)
        {
            var start = position;
            while (position < text.Length && text[position] is not (',' or '[' or ']'))
            {
                position++;
            }

            var name = text[start..position].Trim();
            PropertySelection? nested = null;
            if (position < text.Length && text[position] == '[')
            {
                position++;
                nested = ParseProperties(text, ref position);
                if (nested is null || position >= text.Length || text[position] != ']')
                {
                    return null;
                }

                position++;
            }

            if (name == "$all")
            {
                all = true;
                allNested = nested;
            }
            else if (name.Length > 0)
            {
                named[name] = nested;
            }

            if (position >= text.Length)
            {
                return null;
            }

            if (text[position] == ']')
            {
                position++;
                return new PropertySelection(all, allNested, named);
            }

            position++;
        }

        return null;
    }
}
