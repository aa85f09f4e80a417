namespace Portal.Core.Schema;

/// <summary>The imported schema, held in memory: content types by alias and data types by key.</summary>
public interface ISchemaCatalog
{
    IReadOnlyList<ContentType> ContentTypes { get; }

    ContentType? FindContentType(string alias);

    DataType? FindDataType(Guid key);
}
