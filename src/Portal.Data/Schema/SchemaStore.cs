using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Schema;

namespace Portal.Data.Schema;

/// <summary>Keeps the imported schema; upserts by Key so that importing the same files again changes nothing.</summary>
public sealed class SchemaStore(IDbContextFactory<PortalDbContext> contexts, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<(IReadOnlyList<ContentType> ContentTypes, IReadOnlyList<DataType> DataTypes)> LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var contentTypes = await db.ContentTypes.AsNoTracking().OrderBy(c => c.Alias).Select(c => c.Definition).ToListAsync(cancellationToken);
        var dataTypes = await db.DataTypes.AsNoTracking().OrderBy(d => d.Name).ToListAsync(cancellationToken);
        return (
            contentTypes.Select(d => JsonSerializer.Deserialize<ContentType>(d, Json)!).ToList(),
            dataTypes.Select(d => new DataType(d.Key, d.Name, d.EditorAlias, d.EditorUiAlias, d.ConfigJson)).ToList());
    }

    /// <summary>Returns how many records were added or changed.</summary>
    public async Task<int> UpsertAsync(IReadOnlyList<DataType> dataTypes, IReadOnlyList<ContentType> contentTypes, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = 0;
        var existingData = await db.DataTypes.ToDictionaryAsync(d => d.Key, cancellationToken);
        foreach (var dataType in dataTypes)
        {
            if (!existingData.TryGetValue(dataType.Key, out var record))
            {
                record = new DataTypeRecord { Key = dataType.Key };
                db.DataTypes.Add(record);
            }
            else if (record.Name == dataType.Name && record.EditorAlias == dataType.EditorAlias
                && record.EditorUiAlias == dataType.EditorUiAlias && record.ConfigJson == dataType.ConfigJson)
            {
                continue;
            }

            record.Name = dataType.Name;
            record.EditorAlias = dataType.EditorAlias;
            record.EditorUiAlias = dataType.EditorUiAlias;
            record.ConfigJson = dataType.ConfigJson;
            record.UpdatedAt = now;
            changed++;
        }

        var existingTypes = await db.ContentTypes.ToDictionaryAsync(c => c.Key, cancellationToken);
        foreach (var contentType in contentTypes)
        {
            var definition = JsonSerializer.Serialize(contentType, Json);
            if (!existingTypes.TryGetValue(contentType.Key, out var record))
            {
                record = new ContentTypeRecord { Key = contentType.Key };
                db.ContentTypes.Add(record);
            }
            else if (record.Alias == contentType.Alias && record.Definition == definition)
            {
                continue;
            }

            record.Alias = contentType.Alias;
            record.Definition = definition;
            record.UpdatedAt = now;
            changed++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return changed;
    }
}
