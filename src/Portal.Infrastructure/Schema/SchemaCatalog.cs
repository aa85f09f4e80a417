using Portal.Core.Schema;
using Portal.Data.Schema;

namespace Portal.Infrastructure.Schema;

/// <summary>
/// The schema in memory. Content types are stored as uSync has them; here each one is flattened with the
/// fields of its compositions, because editors and validation see the composed type.
/// </summary>
public sealed class SchemaCatalog(SchemaStore store) : ISchemaCatalog
{
    private volatile Snapshot current = new([], new Dictionary<string, ContentType>(), new Dictionary<Guid, DataType>(), []);

    public IReadOnlyList<ContentType> ContentTypes => current.Composed;

    /// <summary>The types exactly as imported, compositions not merged: what an export writes.</summary>
    public IReadOnlyList<ContentType> StoredContentTypes => current.Stored;

    public IReadOnlyList<DataType> DataTypes => current.DataTypes.Values.OrderBy(d => d.Name, StringComparer.Ordinal).ToList();

    public ContentType? FindContentType(string alias) => current.ByAlias.GetValueOrDefault(alias);

    public DataType? FindDataType(Guid key) => current.DataTypes.GetValueOrDefault(key);

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var (contentTypes, dataTypes) = await store.LoadAsync(cancellationToken);
        var byKey = contentTypes.ToDictionary(c => c.Key);
        var composed = contentTypes.Select(c => Compose(c, byKey)).ToList();
        current = new Snapshot(
            composed,
            composed.ToDictionary(c => c.Alias, StringComparer.OrdinalIgnoreCase),
            dataTypes.ToDictionary(d => d.Key),
            contentTypes);
    }

    private static ContentType Compose(ContentType type, Dictionary<Guid, ContentType> byKey)
    {
        if (type.Compositions.Count == 0)
        {
            return type;
        }

        var fields = type.Fields.ToList();
        var seen = new HashSet<Guid> { type.Key };
        var pending = new Queue<ContentTypeReference>(type.Compositions);
        while (pending.TryDequeue(out var reference))
        {
            if (!seen.Add(reference.Key) || !byKey.TryGetValue(reference.Key, out var composition))
            {
                continue;
            }

            fields.AddRange(composition.Fields.Where(f => fields.All(existing => existing.Alias != f.Alias)));
            foreach (var nested in composition.Compositions)
            {
                pending.Enqueue(nested);
            }
        }

        return type with { Fields = fields };
    }

    private sealed record Snapshot(
        IReadOnlyList<ContentType> Composed,
        IReadOnlyDictionary<string, ContentType> ByAlias,
        IReadOnlyDictionary<Guid, DataType> DataTypes,
        IReadOnlyList<ContentType> Stored);
}
