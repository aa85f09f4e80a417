using Portal.Core.Access;
using Portal.Core.Schema;
using Portal.Core.Workflow;
using Portal.Infrastructure.Schema;

namespace Portal.Infrastructure.Usync;

/// <summary>
/// Imports a uSync Content folder through the workflow verbs, so imported pages get editions, timeline
/// entries and events like any other. Idempotent by Key: unchanged nodes are left alone.
/// </summary>
public sealed class UsyncContentImporter(SchemaCatalog catalog, ContentEditing editing, ContentPublishing publishing,
    ContentStructure structure, IContentSessionFactory sessions)
{
    private static readonly Actor Importer = Actor.System("usync");

    public async Task<UsyncImportReport> ImportAsync(string usyncFolder, EditionInput input, CancellationToken cancellationToken)
    {
        var (nodes, readWarnings) = UsyncContentReader.ReadFolder(usyncFolder);
        var warnings = new List<string>(readWarnings);
        int created = 0, updated = 0, unchanged = 0, skipped = 0;
        var skippedKeys = new HashSet<Guid>();
        foreach (var node in nodes)
        {
            if (node.ParentKey is { } parent && skippedKeys.Contains(parent))
            {
                warnings.Add($"{node.FileName}: bỏ qua «{node.Name}» vì trang cha không được nhập.");
                skippedKeys.Add(node.Key);
                skipped++;
                continue;
            }

            var contentType = catalog.FindContentType(node.ContentTypeAlias);
            if (contentType is null)
            {
                warnings.Add($"{node.FileName}: không có loại nội dung «{node.ContentTypeAlias}», bỏ qua «{node.Name}».");
                skippedKeys.Add(node.Key);
                skipped++;
                continue;
            }

            var values = KnownValues(node, contentType, warnings);
            var outcome = await ImportNodeAsync(node, contentType, values, input, warnings, cancellationToken);
            switch (outcome)
            {
                case NodeOutcome.Created: created++; break;
                case NodeOutcome.Updated: updated++; break;
                case NodeOutcome.Unchanged: unchanged++; break;
                default:
                    skippedKeys.Add(node.Key);
                    skipped++;
                    break;
            }
        }

        return new UsyncImportReport(created, updated, unchanged, skipped, warnings);
    }

    private async Task<NodeOutcome> ImportNodeAsync(UsyncContentNode node, ContentType contentType, Dictionary<string, string> values,
        EditionInput input, List<string> warnings, CancellationToken cancellationToken)
    {
        Core.Content.Document? existing;
        await using (var session = sessions.Open())
        {
            existing = await session.FindAsync(node.Key, cancellationToken);
        }

        NodeOutcome outcome;
        if (existing is null)
        {
            var result = await editing.CreateAsync(contentType.Alias, node.ParentKey, node.Name, values, Importer, node.Key, node.CreateDate, cancellationToken);
            if (result.Status == ContentOperationStatus.ValidationFailed)
            {
                DropInvalid(node, values, result, warnings);
                result = await editing.CreateAsync(contentType.Alias, node.ParentKey, node.Name, values, Importer, node.Key, node.CreateDate, cancellationToken);
            }

            if (!result.Succeeded)
            {
                warnings.Add($"{node.FileName}: không nhập được «{node.Name}»: {result.Status.ToVietnamese()}");
                return NodeOutcome.Skipped;
            }

            outcome = NodeOutcome.Created;
        }
        else
        {
            var (name, prepared) = input.Prepare(contentType, node.Name, values);
            var current = existing.Current;
            var same = current.Name == name && current.Values.Count == prepared.Count
                && prepared.All(kv => current.Values.TryGetValue(kv.Key, out var v) && v == kv.Value);
            if (same && (existing.Live is not null) == node.Published && existing.Trashed == node.Trashed)
            {
                return NodeOutcome.Unchanged;
            }

            if (!same)
            {
                var result = await editing.SaveDraftAsync(node.Key, null, node.Name, values, Importer, cancellationToken);
                if (!result.Succeeded)
                {
                    warnings.Add($"{node.FileName}: không cập nhật được «{node.Name}»: {result.Status.ToVietnamese()}");
                    return NodeOutcome.Skipped;
                }
            }

            outcome = NodeOutcome.Updated;
        }

        await ApplyStateAsync(node, warnings, cancellationToken);
        return outcome;
    }

    private async Task ApplyStateAsync(UsyncContentNode node, List<string> warnings, CancellationToken cancellationToken)
    {
        if (node.Published && !node.Trashed)
        {
            var published = await publishing.PublishAsync(node.Key, Importer, cancellationToken);
            if (!published.Succeeded && published.Status != ContentOperationStatus.NothingToPublish)
            {
                var detail = published.Errors is { Count: > 0 } errors ? " (" + string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")) + ")" : string.Empty;
                warnings.Add($"{node.FileName}: «{node.Name}» được nhập dưới dạng bản nháp: {published.Status.ToVietnamese()}{detail}");
            }
        }

        if (node.Trashed)
        {
            await structure.TrashAsync(node.Key, Importer, cancellationToken);
        }
    }

    private static Dictionary<string, string> KnownValues(UsyncContentNode node, ContentType contentType, List<string> warnings)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var unknown = new List<string>();
        foreach (var (alias, value) in node.Values)
        {
            if (contentType.FindField(alias) is { } field)
            {
                values[field.Alias] = value;
            }
            else
            {
                unknown.Add(alias);
            }
        }

        if (unknown.Count > 0)
        {
            warnings.Add($"{node.FileName}: loại «{contentType.Alias}» không có các trường {string.Join(", ", unknown)}; giá trị của chúng không được nhập.");
        }

        return values;
    }

    private static void DropInvalid(UsyncContentNode node, Dictionary<string, string> values, ContentOperationResult result, List<string> warnings)
    {
        foreach (var error in result.Errors ?? [])
        {
            if (values.Remove(error.Field))
            {
                warnings.Add($"{node.FileName}: bỏ giá trị trường «{error.Field}» của «{node.Name}»: {error.Message}");
            }
        }
    }

    private enum NodeOutcome
    {
        Created,
        Updated,
        Unchanged,
        Skipped,
    }
}
