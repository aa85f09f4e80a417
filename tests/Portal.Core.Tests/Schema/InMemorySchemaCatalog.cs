using Portal.Core.Schema;

namespace Portal.Core.Tests.Schema;

/// <summary>Test data: a schema held in lists, the way the imported uSync catalog holds it.</summary>
internal sealed class InMemorySchemaCatalog(IReadOnlyList<ContentType> contentTypes, IReadOnlyList<DataType> dataTypes) : ISchemaCatalog
{
    public IReadOnlyList<ContentType> ContentTypes { get; } = contentTypes;

    public ContentType? FindContentType(string alias) =>
        ContentTypes.FirstOrDefault(c => string.Equals(c.Alias, alias, StringComparison.OrdinalIgnoreCase));

    public DataType? FindDataType(Guid key) => dataTypes.FirstOrDefault(d => d.Key == key);
}
