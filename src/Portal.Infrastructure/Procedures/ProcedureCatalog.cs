using Portal.Core.Procedures.Import;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Content;
using Portal.Core.Events;
using Portal.Core.Procedures;
using Portal.Core.Schema;
using Portal.Core.Text;
using Portal.Data;
using Portal.Infrastructure.PublishedCache;
using A = Portal.Core.Procedures.ProcedureAliases;

namespace Portal.Infrastructure.Procedures;

/// <summary>
/// The published procedures and announcing decisions in memory, with each code's status for today. Like the route
/// tree it follows content events on every node; unlike it, it only marks itself stale and rebuilds on the next read,
/// because an import publishes thousands of procedures one by one and nobody reads the catalog in between.
/// </summary>
public sealed class ProcedureCatalog(IDbContextFactory<PortalDbContext> contexts, PublishedRouteTree routes, TimeProvider clock)
    : IContentEventConsumer, IDisposable
{
    /// <summary>The content types whose published editions the catalog reads.</summary>
    private static readonly string[] Types = [A.ProcedureType, A.DecisionType, "legalDocument"];

    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile ProcedureCatalogSnapshot? snapshot;
    private int stale = 1;

    public string Name => "procedure-catalog";

    public ConsumerScope Scope => ConsumerScope.Node;

    /// <summary>How long the last rebuild took (the query and the projection).</summary>
    public TimeSpan LastRebuild { get; private set; }

    public Task HandleAsync(ContentEvent contentEvent, CancellationToken cancellationToken)
    {
        var relevant = contentEvent switch
        {
            EditionPublished published => Types.Contains(published.ContentTypeAlias) || published.ContentTypeAlias is A.SetType or A.DecisionListType,
            // Unpublishing any ancestor takes its procedures off the site.
            EditionUnpublished => true,
            // A move, trash or restore can take a whole subtree of procedures out of reach, or bring it back.
            DocumentMoved or DocumentTrashed or DocumentRestored or ContentBulkLoaded => true,
            _ => false,
        };
        if (relevant)
        {
            Interlocked.Exchange(ref stale, 1);
        }

        return Task.CompletedTask;
    }

    public async Task<ProcedureCatalogSnapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        var today = Today();
        if (snapshot is { } current && Volatile.Read(ref stale) == 0 && current.Today == today)
        {
            return current;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (snapshot is { } built && Volatile.Read(ref stale) == 0 && built.Today == today)
            {
                return built;
            }

            // Cleared before reading, so an event that lands during the read marks the new snapshot stale again.
            Interlocked.Exchange(ref stale, 0);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var fresh = await BuildAsync(today, cancellationToken);
            LastRebuild = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            snapshot = fresh;
            return fresh;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();

    /// <summary>The live procedure set's URL (<c>/thu-tuc-hanh-chinh/</c>), where procedures are addressed by code.</summary>
    public static string? SetUrl(PublishedRouteTree routes) =>
        routes.Root is { } root && routes.ChildrenOf(root.Key).FirstOrDefault(n => n.ContentTypeAlias == A.SetType) is { } set
            ? routes.UrlOf(set.Key) : null;

    /// <summary>A procedure's public address: by code below the set (<c>/thu-tuc-hanh-chinh/1.001194</c>), else its tree URL.</summary>
    public static string PublicUrl(string code, string? setUrl, string treeUrl) =>
        code.Length > 0 && setUrl is not null ? setUrl.TrimEnd('/') + "/" + code : treeUrl;

    private DateOnly Today() => DateOnly.FromDateTime(VietnamTime.FromUtc(clock.GetUtcNow().UtcDateTime));

    private async Task<ProcedureCatalogSnapshot> BuildAsync(DateOnly today, CancellationToken cancellationToken)
    {
        List<(Guid Key, string Alias, string Name, IReadOnlyDictionary<string, string> Values)> rows;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var query = from d in db.Documents.AsNoTracking()
                join e in db.Editions.AsNoTracking() on d.Key equals e.DocumentKey
                where !d.Trashed && e.Status == EditionStatus.Published && Types.Contains(d.ContentTypeAlias)
                select new { d.Key, d.ContentTypeAlias, e.Name, e.Values };
            rows = (await query.ToListAsync(cancellationToken)).Select(r => (r.Key, r.ContentTypeAlias, r.Name, r.Values)).ToList();
        }

        var setUrl = SetUrl(routes);
        var decisions = new List<ProcedureDecisionEntry>();
        var legal = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var procedures = new List<(Guid Key, string Name, string TreeUrl, IReadOnlyDictionary<string, string> Values)>();
        foreach (var (key, alias, name, values) in rows)
        {
            // Published but below an unpublished ancestor: not on the site, so not in the catalog.
            if (routes.UrlOf(key) is not { } url)
            {
                continue;
            }

            switch (alias)
            {
                case A.ProcedureType:
                    procedures.Add((key, name, url, values));
                    break;
                case A.DecisionType:
                    decisions.Add(Decision(key, name, url, values));
                    break;
                default:
                    if (Value(values, "documentNumber") is { } number)
                    {
                        legal.TryAdd(number, url);
                    }

                    break;
            }
        }

        var events = new Dictionary<string, List<ProcedureDecisionEvent>>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in decisions.SelectMany(d => d.Entries))
        {
            Add(events, entry.Code, entry);
            if (entry.ReplacesCode is { } replaced)
            {
                Add(events, replaced, entry);
            }
        }

        var entries = procedures.Select(p => Procedure(p.Key, p.Name, p.TreeUrl, p.Values, setUrl, events, today))
            .OrderBy(p => p.Name, VietnameseText.Order).ThenBy(p => p.Code, StringComparer.Ordinal).ToList();
        decisions.Sort((a, b) => b.Date.CompareTo(a.Date));
        return new ProcedureCatalogSnapshot(entries, decisions, legal, today, setUrl);
    }

    private static void Add(Dictionary<string, List<ProcedureDecisionEvent>> events, string code, ProcedureDecisionEvent entry)
    {
        if (!events.TryGetValue(code, out var list))
        {
            events[code] = list = [];
        }

        list.Add(entry);
    }

    private static ProcedureEntry Procedure(Guid key, string name, string treeUrl, IReadOnlyDictionary<string, string> values, string? setUrl,
        Dictionary<string, List<ProcedureDecisionEvent>> events, DateOnly today)
    {
        var code = Value(values, A.Code) ?? string.Empty;
        var state = ProcedureLifecycle.Compute(code, code.Length > 0 ? events.GetValueOrDefault(code) ?? [] : [], today, Value(values, A.NationalStatus));
        var implementing = Value(values, A.ImplementingAgency);
        var competent = Value(values, A.CompetentAgency);
        var agencies = new[] { implementing, competent }.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var units = new List<ProcedureAssignment>();
        foreach (var block in BlockListValue.Read(Value(values, A.Assignments)))
        {
            if (block.Values.GetValueOrDefault(A.AssignmentUnit) is { } picked && UnitKey(picked) is { } unit)
            {
                units.Add(new ProcedureAssignment(unit, block.Values.GetValueOrDefault(A.AssignmentLevel) is { Length: > 0 } level
                    ? FieldValueRules.ReadList(level).FirstOrDefault() ?? string.Empty : string.Empty));
            }
        }

        var levels = List(values, A.Level);
        var keywords = List(values, A.Keywords);
        var field = Value(values, A.Field);
        return new ProcedureEntry
        {
            Key = key, Code = code, LocalCode = Value(values, A.LocalCode), Name = VietnameseText.Nfc(name), Field = field, Levels = levels,
            ImplementingAgency = implementing, CompetentAgency = competent, Agencies = agencies, Units = units,
            OnlineLevel = List(values, A.OnlineLevel).FirstOrDefault(), Postal = FieldValueRules.IsOn(Value(values, A.Postal)),
            PostalResult = FieldValueRules.IsOn(Value(values, A.PostalResult)), DecisionNumber = Value(values, A.DecisionNumber),
            Status = state.Status, ReplacedByCode = state.ReplacedByCode, History = state.History, Keywords = keywords,
            Url = PublicUrl(code, setUrl, treeUrl), TreeUrl = treeUrl,
            FoldedText = VietnameseText.Fold(string.Join(" | ", new[] { name, code, field }.Concat(keywords).Concat(agencies).OfType<string>())),
        };
    }

    private static ProcedureDecisionEntry Decision(Guid key, string name, string url, IReadOnlyDictionary<string, string> values)
    {
        var number = Value(values, A.DecisionNumberField) ?? name;
        var date = Date(Value(values, A.DecisionDate)) ?? DateOnly.MinValue;
        var issuer = Value(values, A.DecisionIssuer);
        var entries = new List<ProcedureDecisionEvent>();
        foreach (var block in BlockListValue.Read(Value(values, A.DecisionEntries)))
        {
            var code = block.Values.GetValueOrDefault(A.EntryCode)?.Trim();
            var change = block.Values.GetValueOrDefault(A.EntryChange) is { } stored ? FieldValueRules.ReadList(stored).FirstOrDefault() : null;
            if (string.IsNullOrEmpty(code) || !ProcedureLifecycle.TryParseChange(change, out var kind))
            {
                continue;
            }

            var replaces = block.Values.GetValueOrDefault(A.EntryReplacesCode)?.Trim();
            entries.Add(new ProcedureDecisionEvent(key, number, date, issuer, kind,
                Date(block.Values.GetValueOrDefault(A.EntryEffectiveDate)) ?? date, code, string.IsNullOrEmpty(replaces) ? null : replaces));
        }

        return new ProcedureDecisionEntry(key, number, date, issuer, url, entries);
    }

    private static string? Value(IReadOnlyDictionary<string, string> values, string alias) =>
        values.TryGetValue(alias, out var value) && !string.IsNullOrWhiteSpace(value) ? VietnameseText.Nfc(value.Trim()) : null;

    private static List<string> List(IReadOnlyDictionary<string, string> values, string alias) =>
        Value(values, alias) is { } value ? FieldValueRules.ReadList(value).Where(v => v.Length > 0).ToList() : [];

    /// <summary>The calendar day as the editor typed it: an offset in the stored value must not move it to the day before.</summary>
    private static DateOnly? Date(string? value)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.Length >= 10 && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var day))
        {
            return day;
        }

        return FieldValueRules.TryParseDate(text, out var date) ? DateOnly.FromDateTime(date) : null;
    }

    private static Guid? UnitKey(string picked)
    {
        foreach (var part in FieldValueRules.ReadList(picked))
        {
            if (DocumentUdi.TryParse(part, out var key))
            {
                return key;
            }
        }

        return null;
    }
}
