namespace Portal.Core.Programme;

/// <summary>
/// Which unit an item counts for: the nearest unit page above it in the tree (a unit writes on its own subpage), else
/// the unit its <c>unit</c> field names (an item the column published on a unit's behalf), else none.
/// </summary>
public static class UnitAttribution
{
    public static Guid? UnitOf(string path, Guid? unitField, IReadOnlySet<Guid> unitKeys)
    {
        // Paths are "/{key:N}/{key:N}/…/": the nearest ancestor is the last unit key before the item's own.
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = segments.Length - 2; i >= 0; i--)
        {
            if (Guid.TryParseExact(segments[i], "N", out var key) && unitKeys.Contains(key))
            {
                return key;
            }
        }

        return unitField is { } named && unitKeys.Contains(named) ? named : null;
    }
}
