using Portal.Data.Schema;
using Portal.Infrastructure.Schema;

namespace Portal.Infrastructure.Usync;

/// <summary>Imports DataTypes and ContentTypes by Key: running it twice on the same files changes nothing.</summary>
public sealed class UsyncSchemaImporter(SchemaStore store, SchemaCatalog catalog)
{
    public async Task<UsyncImportReport> ImportAsync(string usyncFolder, CancellationToken cancellationToken)
    {
        var schema = UsyncSchemaReader.ReadFolder(usyncFolder);
        var total = schema.DataTypes.Count + schema.ContentTypes.Count;
        var changed = await store.UpsertAsync(schema.DataTypes, schema.ContentTypes, cancellationToken);
        await catalog.ReloadAsync(cancellationToken);
        return new UsyncImportReport(changed, 0, total - changed, 0, schema.Warnings);
    }

    public async Task<int> ExportAsync(string usyncFolder, CancellationToken cancellationToken)
    {
        await catalog.ReloadAsync(cancellationToken);
        return UsyncSchemaWriter.WriteFolder(usyncFolder, catalog.DataTypes, catalog.StoredContentTypes);
    }
}
