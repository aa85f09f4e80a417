using Portal.Infrastructure.Procedures;

namespace Portal.Web.Features.Procedures;

/// <summary>
/// The finder's query string, read and written with the same keys, so every facet link is a plain shareable URL
/// that works without JavaScript: <c>q</c>, <c>linh-vuc</c>, <c>cap</c>, <c>co-quan</c>, <c>truc-tuyen</c>,
/// <c>buu-chinh</c>, <c>tinh-trang</c>, <c>trang</c>.
/// </summary>
public sealed record ProcedureFinderQuery(string? Text, string? Field, string? Level, string? Agency, string? OnlineLevel, string? Postal,
    string? Status, int Page)
{
    public const int PageSize = 20;

    /// <summary>Every key the finder reads: the output cache varies by exactly these.</summary>
    public static readonly string[] Keys = ["q", "linh-vuc", "cap", "co-quan", "truc-tuyen", "buu-chinh", "tinh-trang", "trang", "ban-in"];

    public static ProcedureFinderQuery From(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        string? Value(string key) => query.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? Portal.Core.Text.VietnameseText.Nfc(v.ToString().Trim()) : null;
        var page = int.TryParse(Value("trang"), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 1;
        return new ProcedureFinderQuery(Value("q"), Value("linh-vuc"), Value("cap"), Value("co-quan"), Value("truc-tuyen"),
            Value("buu-chinh") is ProcedureFinder.PostalYes or ProcedureFinder.PostalNo ? Value("buu-chinh") : null,
            ProcedureFinder.ParseStatus(Value("tinh-trang")) is null ? null : Value("tinh-trang"), Math.Max(1, page));
    }

    public ProcedureQuery ToQuery() => new(Text, Field, Level, Agency, OnlineLevel, Postal is null ? null : Postal == ProcedureFinder.PostalYes,
        ProcedureFinder.ParseStatus(Status), Page, PageSize);

    public bool HasFilters => Field is not null || Level is not null || Agency is not null || OnlineLevel is not null || Postal is not null || Status is not null;

    public ProcedureFinderQuery With(ProcedureFacet facet, string? value) => facet switch
    {
        ProcedureFacet.Field => this with { Field = value },
        ProcedureFacet.Level => this with { Level = value },
        ProcedureFacet.Agency => this with { Agency = value },
        ProcedureFacet.OnlineLevel => this with { OnlineLevel = value },
        ProcedureFacet.Postal => this with { Postal = value },
        // The default view is "in force": choosing it again is the same as no choice.
        _ => this with { Status = value == ProcedureFinder.StatusValue(Portal.Core.Procedures.ProcedureStatus.InForce) ? null : value },
    };

    /// <summary>"?q=…&amp;linh-vuc=…" (empty when nothing is chosen); page 1 is left out.</summary>
    public string QueryString(int page)
    {
        var pairs = new (string Key, string? Value)[]
        {
            ("q", Text), ("linh-vuc", Field), ("cap", Level), ("co-quan", Agency), ("truc-tuyen", OnlineLevel), ("buu-chinh", Postal),
            ("tinh-trang", Status), ("trang", page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null),
        };
        var parts = pairs.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}").ToList();
        return parts.Count == 0 ? string.Empty : "?" + string.Join("&", parts);
    }
}
