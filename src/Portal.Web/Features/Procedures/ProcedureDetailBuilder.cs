using System.Globalization;
using Portal.Core.Media;
using Portal.Core.Procedures;
using Portal.Core.Schema;
using Portal.Core.Text;
using Portal.Infrastructure.Procedures;
using Portal.Infrastructure.PublishedCache;
using Portal.Web.Features.Site;
using A = Portal.Core.Procedures.ProcedureAliases;

namespace Portal.Web.Features.Procedures;

/// <summary>Reads a procedure's Block List fields into the rows of its page's tables.</summary>
internal static class ProcedureDetailBuilder
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static async Task<ProcedureDetailPage> BuildAsync(PublishedContent content, ProcedureEntry entry, ProcedureCatalogSnapshot snapshot,
        IMediaItemStore media, TimeProvider clock, bool print, string absoluteUrl, CancellationToken cancellationToken)
    {
        var replacedBy = entry.ReplacedByCode is { } code ? snapshot.FindByCode(code)?.Url : null;
        var decisions = snapshot.Decisions.ToDictionary(d => d.Key, d => d.Url);
        return new ProcedureDetailPage
        {
            Entry = entry,
            ReplacedByUrl = replacedBy,
            Steps = Blocks(content, A.Steps).Select(b => Value(b, A.StepText)).OfType<string>().ToList(),
            Channels = Blocks(content, A.Channels).Select(Channel).ToList(),
            Dossier = await DossierAsync(Blocks(content, A.Dossier), media, cancellationToken),
            LegalBasis = Blocks(content, A.LegalBasis)
                .Select(b => new ProcedureLegalRow(Value(b, A.LegalNumber), Value(b, A.LegalTitle), snapshot.LegalDocumentUrl(Value(b, A.LegalNumber))))
                .Where(r => r.Number is not null || r.Title is not null).ToList(),
            Results = Blocks(content, A.Results).Select(b => Value(b, A.ResultName) is { } name ? new ProcedureResultRow(name, Value(b, A.ResultCode)) : null)
                .OfType<ProcedureResultRow>().ToList(),
            History = entry.History.Select(h => new ProcedureHistoryRow(h.Event.Number, Date(h.Event.Date), HistoryChange(h.Event, entry.Code),
                Date(h.Event.EffectiveDate), h.Pending, decisions.GetValueOrDefault(h.Event.DecisionKey))).ToList(),
            PrintView = print,
            QrSvg = print ? ProcedureQrCode.Svg(absoluteUrl) : null,
            PrintedOn = PublishedPage.FormatDate(VietnamTime.FromUtc(clock.GetUtcNow().UtcDateTime)),
        };
    }

    private static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>A replacement reads differently on the replaced procedure's page than on the new one's.</summary>
    private static string HistoryChange(ProcedureDecisionEvent e, string code) =>
        e.Change == ProcedureChange.Replaced && string.Equals(e.ReplacesCode, code, StringComparison.OrdinalIgnoreCase)
            ? $"Được thay thế bởi thủ tục {e.Code}"
            : e.Change == ProcedureChange.Replaced && e.ReplacesCode is { } old ? $"Thay thế thủ tục {old}" : ProcedureLifecycle.Label(e.Change);

    private static IReadOnlyList<BlockItem> Blocks(PublishedContent content, string alias) => BlockListValue.Read(content.Text(alias));

    private static string? Value(BlockItem block, string alias) =>
        block.Values.TryGetValue(alias, out var value) && !string.IsNullOrWhiteSpace(value) ? VietnameseText.Nfc(value.Trim()) : null;

    private static string? Choice(BlockItem block, string alias) => Value(block, alias) is { } value ? FieldValueRules.ReadList(value).FirstOrDefault() : null;

    private static ProcedureChannelRow Channel(BlockItem block)
    {
        var amount = decimal.TryParse(Value(block, A.ChannelFeeAmount), NumberStyles.Number, CultureInfo.InvariantCulture, out var fee) ? fee : (decimal?)null;
        var currency = Choice(block, A.ChannelFeeCurrency) ?? "VND";
        var parts = new List<string>();
        if (amount is { } value)
        {
            parts.Add(value == 0 ? "Không thu phí" : $"{value.ToString("#,##0.##", Vietnamese)} {(currency == "VND" ? "đồng" : currency)}");
        }

        if (Value(block, A.ChannelFeeText) is { } text)
        {
            parts.Add(text);
        }

        return new ProcedureChannelRow(Choice(block, A.ChannelKind) ?? "Không ghi", Value(block, A.ChannelTimeLimit),
            parts.Count == 0 ? "Không" : string.Join(" ", parts), Value(block, A.ChannelDescription));
    }

    private static async Task<IReadOnlyList<ProcedureDossierGroup>> DossierAsync(IReadOnlyList<BlockItem> blocks, IMediaItemStore media,
        CancellationToken cancellationToken)
    {
        // Consecutive items with the same case label form one group; an item without a label stays in the group above it.
        var groups = new List<(string? Case, List<ProcedureDossierRow> Items)>();
        foreach (var block in blocks)
        {
            if (Value(block, A.DossierName) is not { } name)
            {
                continue;
            }

            var label = Value(block, A.DossierCase);
            if (groups.Count == 0 || (label is not null && label != groups[^1].Case))
            {
                groups.Add((label, []));
            }

            var formUrl = Value(block, A.DossierFormUrl);
            if (MediaPicks.Read(Value(block, A.DossierFormFile)).FirstOrDefault() is { } pick
                && await media.FindAsync(pick.MediaKey, cancellationToken) is { Url: { } fileUrl })
            {
                formUrl = fileUrl;
            }

            var formName = Value(block, A.DossierFormName) ?? (formUrl is null ? null : "Tải mẫu");
            groups[^1].Items.Add(new ProcedureDossierRow(name, formName, formUrl, Quantity(block)));
        }

        return groups.Select(g => new ProcedureDossierGroup(g.Case, g.Items)).ToList();
    }

    /// <summary>The national portal's two spellings: free text as imported, or "Bản chính: 1 - Bản sao: 0".</summary>
    private static string Quantity(BlockItem block)
    {
        if (Value(block, A.DossierQuantityText) is { } text)
        {
            return text;
        }

        var originals = Value(block, A.DossierOriginals);
        var copies = Value(block, A.DossierCopies);
        return originals is null && copies is null ? string.Empty : $"Bản chính: {originals ?? "0"} - Bản sao: {copies ?? "0"}";
    }
}
