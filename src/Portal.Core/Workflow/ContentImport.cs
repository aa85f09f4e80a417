using Portal.Core.Access;
using Portal.Core.Content;
using Portal.Core.Events;
using Portal.Core.Schema;
using Portal.Core.Text;

namespace Portal.Core.Workflow;

/// <summary>
/// One page of an import. It updates the child of the import's parent whose match field holds the same value, or
/// becomes a new child. <paramref name="OnlyFields"/>, when given, lists the fields this source speaks: an update
/// replaces those (an empty value clears one) and keeps every other field as it is.
/// </summary>
public sealed record ImportItem(string Name, IReadOnlyDictionary<string, string> Values, IReadOnlySet<string>? OnlyFields = null);

public enum ImportOutcome
{
    Created,
    Updated,
    Unchanged,
    Rejected,
}

public sealed record ImportItemResult(int Index, ImportOutcome Outcome, Guid? DocumentKey, IReadOnlyList<FieldError> Errors);

public sealed record ContentImportResult(ContentOperationStatus Status, IReadOnlyList<ImportItemResult> Items)
{
    public bool Succeeded => Status == ContentOperationStatus.Success;

    public int Count(ImportOutcome outcome) => Items.Count(i => i.Outcome == outcome);
}

/// <summary>
/// The import verb: creates or updates many pages under one parent and publishes them, all in ONE transaction, so a
/// file is applied whole or not at all. Every page goes through the same rules as an editor's save and publish
/// (permissions, validation, timeline, events); a page whose values did not change gets no new edition.
/// </summary>
public sealed class ContentImport(IContentSessionFactory sessions, ISchemaCatalog schema, EditionInput input, TimeProvider clock)
{
    /// <param name="matchField">The field that identifies a page across imports (a procedure's national code).</param>
    /// <param name="note">Written on every timeline entry, e.g. the file name.</param>
    public async Task<ContentImportResult> ImportAsync(Guid parentKey, string contentTypeAlias, string matchField,
        IReadOnlyList<ImportItem> items, Actor actor, string note, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var contentType = schema.FindContentType(contentTypeAlias);
        if (contentType is null || contentType.IsElement)
        {
            return new ContentImportResult(ContentOperationStatus.ContentTypeNotFound, []);
        }

        await using var session = sessions.Open();
        var parent = await session.FindAsync(parentKey, cancellationToken);
        if (parent is null || parent.Trashed)
        {
            return new ContentImportResult(ContentOperationStatus.ParentNotFound, []);
        }

        if (parent.Live is null)
        {
            return new ContentImportResult(ContentOperationStatus.ParentNotPublished, []);
        }

        if (schema.FindContentType(parent.ContentTypeAlias)?.AllowsChild(contentType.Alias) != true)
        {
            return new ContentImportResult(ContentOperationStatus.ContentTypeNotAllowedHere, []);
        }

        // Importing publishes; an account that may not create and publish here gets nothing applied.
        if (!ContentAccess.PermitsCreateUnder(actor, parent) || !ContentAccess.Permits(actor, Permission.Publish | Permission.Update, parent))
        {
            return new ContentImportResult(ContentOperationStatus.Forbidden, []);
        }

        var children = new Dictionary<string, Document>(StringComparer.Ordinal);
        foreach (var child in await session.ChildrenAsync(parentKey, cancellationToken))
        {
            if (child.ContentTypeAlias == contentType.Alias && child.Current.Values.TryGetValue(matchField, out var match))
            {
                children.TryAdd(match, child);
            }
        }

        var segments = new HashSet<string>(await session.SegmentsInUseAsync(parentKey, Guid.Empty, cancellationToken), StringComparer.Ordinal);
        var sortOrder = await session.NextSortOrderAsync(parentKey, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var results = new List<ImportItemResult>(items.Count);
        for (var index = 0; index < items.Count; index++)
        {
            var item = items[index];
            item.Values.TryGetValue(matchField, out var matchValue);
            var existing = matchValue is null ? null : children.GetValueOrDefault(VietnameseText.Nfc(matchValue.Trim()));
            var merged = existing is null || item.OnlyFields is null ? item.Values : Merge(existing.Current.Values, item);
            var (name, values) = input.Prepare(contentType, item.Name, merged);
            var errors = FieldValidator.Validate(contentType, schema, name, values, requireMandatory: true);
            if (errors.Count > 0)
            {
                results.Add(new ImportItemResult(index, ImportOutcome.Rejected, existing?.Key, errors));
            }
            else if (existing is not null)
            {
                results.Add(Update(session, segments, index, existing, name, values, actor, note, now));
            }
            else
            {
                var document = Document.Create(Guid.NewGuid(), contentType.Alias, parent, sortOrder++, name,
                    Claim(segments, UrlSegment.From(name)), values, actor.Name, now);
                session.Add(document);
                if (values.TryGetValue(matchField, out var created))
                {
                    children[created] = document;
                }

                session.Record(new TimelineEntry(document.Key, 1, TimelineAction.Created, actor, now, note));
                session.Raise(new DocumentCreated(document.Key, parentKey, contentType.Alias));
                Publish(session, document, actor, now);
                results.Add(new ImportItemResult(index, ImportOutcome.Created, document.Key, []));
            }

            progress?.Report(index + 1);
        }

        if (!results.Any(r => r.Outcome is ImportOutcome.Created or ImportOutcome.Updated))
        {
            return new ContentImportResult(ContentOperationStatus.Success, results);
        }

        return await session.CommitAsync(cancellationToken)
            ? new ContentImportResult(ContentOperationStatus.Success, results)
            : new ContentImportResult(ContentOperationStatus.Conflict, []);
    }

    private static ImportItemResult Update(IContentSession session, HashSet<string> segments, int index, Document document,
        string name, IReadOnlyDictionary<string, string> values, Actor actor, string note, DateTime now)
    {
        var key = document.Key;
        if (document.Trashed)
        {
            return new ImportItemResult(index, ImportOutcome.Rejected, key,
                [new FieldError(string.Empty, "Trang cần cập nhật đang ở thùng rác; hãy khôi phục trước khi nhập.")]);
        }

        // An editor's unpublished draft is never overwritten by a file; the editor decides first.
        if (document.Pending is not null)
        {
            return new ImportItemResult(index, ImportOutcome.Rejected, key,
                [new FieldError(string.Empty, "Trang đang có bản nháp chưa xuất bản; hãy xuất bản hoặc hủy bản nháp rồi nhập lại.")]);
        }

        var current = document.Current;
        if (document.Live is not null && current.Name == name && SameValues(current.Values, values))
        {
            return new ImportItemResult(index, ImportOutcome.Unchanged, key, []);
        }

        if (!ContentAccess.Permits(actor, Permission.Update | Permission.Publish, document))
        {
            return new ImportItemResult(index, ImportOutcome.Rejected, key, [new FieldError(string.Empty, "Không có quyền cập nhật trang này.")]);
        }

        var segment = current.Name == name ? current.UrlSegment : Claim(segments, UrlSegment.From(name));
        var draft = document.SaveDraft(name, segment, values, actor.Name, now);
        session.Record(new TimelineEntry(key, draft.Number, TimelineAction.DraftSaved, actor, now, note));
        session.Raise(new DraftSaved(key, draft.Number));
        Publish(session, document, actor, now);
        return new ImportItemResult(index, ImportOutcome.Updated, key, []);
    }

    private static void Publish(IContentSession session, Document document, Actor actor, DateTime now)
    {
        var published = document.Publish(actor.Name, now);
        session.Record(new TimelineEntry(document.Key, published.Number, TimelineAction.Published, actor, now));
        session.Raise(new EditionPublished(document.Key, published.Number, document.ContentTypeAlias));
    }

    private static Dictionary<string, string> Merge(IReadOnlyDictionary<string, string> current, ImportItem item)
    {
        var merged = new Dictionary<string, string>(current, StringComparer.Ordinal);
        foreach (var alias in item.OnlyFields!)
        {
            if (item.Values.TryGetValue(alias, out var value) && !string.IsNullOrWhiteSpace(value))
            {
                merged[alias] = value;
            }
            else
            {
                merged.Remove(alias);
            }
        }

        return merged;
    }

    private static string Claim(HashSet<string> segments, string wanted)
    {
        var segment = UrlSegment.MakeUnique(wanted, segments);
        segments.Add(segment);
        return segment;
    }

    private static bool SameValues(IReadOnlyDictionary<string, string> left, IReadOnlyDictionary<string, string> right) =>
        left.Count == right.Count && left.All(pair => right.TryGetValue(pair.Key, out var other) && string.Equals(pair.Value, other, StringComparison.Ordinal));
}
