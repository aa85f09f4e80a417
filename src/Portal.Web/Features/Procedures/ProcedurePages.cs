using Portal.Core.Procedures;
using Portal.Infrastructure.Procedures;
using Portal.Web.Features.Site;

namespace Portal.Web.Features.Procedures;

/// <summary>The finder at the procedure set's URL: the query as chosen, one page of results and the facets with counts.</summary>
public sealed class ProcedureFinderPage : PublishedPage
{
    public string? Intro => Text("intro");
    public required ProcedureFinderQuery Query { get; init; }
    public required ProcedureFinderResult Result { get; init; }

    /// <summary>A facet value's shareable link: the current query with that value chosen (or cleared when it is chosen).</summary>
    public string LinkFor(ProcedureFacet facet, ProcedureFacetValue value) =>
        Url + Query.With(facet, value.Selected && facet != ProcedureFacet.Status ? null : value.Value).QueryString(page: 1);

    public string LinkWithout(ProcedureFacet facet) => Url + Query.With(facet, null).QueryString(page: 1);

    public string PageLink(int page) => Url + Query.QueryString(page);

    public static string FacetTitle(ProcedureFacet facet) => facet switch
    {
        ProcedureFacet.Field => "Lĩnh vực",
        ProcedureFacet.Level => "Cấp thực hiện",
        ProcedureFacet.Agency => "Cơ quan, đơn vị",
        ProcedureFacet.OnlineLevel => "Mức độ dịch vụ công trực tuyến",
        ProcedureFacet.Postal => "Bưu chính công ích",
        _ => "Tình trạng",
    };
}

/// <summary>One row of "Cách thức thực hiện".</summary>
public sealed record ProcedureChannelRow(string Kind, string? TimeLimit, string Fee, string? Description);

/// <summary>One row of "Thành phần hồ sơ"; <see cref="FormUrl"/> is the picked file's URL or the typed link.</summary>
public sealed record ProcedureDossierRow(string Name, string? FormName, string? FormUrl, string Quantity);

/// <summary>The dossier rows under one case heading ("Trường hợp…"); the heading is null when the procedure has no cases.</summary>
public sealed record ProcedureDossierGroup(string? Case, IReadOnlyList<ProcedureDossierRow> Items);

/// <summary>A legal document the procedure rests on; <see cref="Url"/> is the site's page of that document when there is one.</summary>
public sealed record ProcedureLegalRow(string? Number, string? Title, string? Url);

public sealed record ProcedureResultRow(string Name, string? Code);

/// <summary>A decision that named the procedure, as the history table shows it.</summary>
public sealed record ProcedureHistoryRow(string Number, string Date, string Change, string EffectiveDate, bool Pending, string? DecisionUrl);

/// <summary>One procedure at <c>/thu-tuc-hanh-chinh/{code}</c>, every section in the national portal's order; also its print view.</summary>
public sealed class ProcedureDetailPage : PublishedPage
{
    /// <summary>Where citizens submit dossiers online.</summary>
    public const string SubmitOnlineUrl = "https://dichvucong.kontum.gov.vn";

    public required ProcedureEntry Entry { get; init; }
    public string? ReplacedByUrl { get; init; }
    public IReadOnlyList<string> Steps { get; init; } = [];
    public IReadOnlyList<ProcedureChannelRow> Channels { get; init; } = [];
    public IReadOnlyList<ProcedureDossierGroup> Dossier { get; init; } = [];
    public IReadOnlyList<ProcedureLegalRow> LegalBasis { get; init; } = [];
    public IReadOnlyList<ProcedureResultRow> Results { get; init; } = [];
    public IReadOnlyList<ProcedureHistoryRow> History { get; init; } = [];
    public IReadOnlyList<string> ApplicantTypes => List(ProcedureAliases.ApplicantTypes);
    public string? Type => Text(ProcedureAliases.Type);
    public string? ReceivingAddress => Text(ProcedureAliases.ReceivingAddress);
    public string? DelegatedAgency => Text(ProcedureAliases.DelegatedAgency);
    public string? CoordinatingAgency => Text(ProcedureAliases.CoordinatingAgency);
    public string? Requirements => Text(ProcedureAliases.Requirements);
    public string? ProcedureDescription => Text(ProcedureAliases.Description);
    public string? NationalUrl => Text(ProcedureAliases.NationalUrl);

    /// <summary>The original text of a table section, shown when the import could not split it into rows.</summary>
    public string? Source(string alias) => Text(alias);

    public bool PrintView { get; init; }

    /// <summary>The print view's QR code (SVG markup) of <see cref="PublishedPage.CanonicalUrl"/>.</summary>
    public string? QrSvg { get; init; }

    /// <summary>"Ngày in": today in Vietnam, dd/MM/yyyy.</summary>
    public string PrintedOn { get; init; } = string.Empty;

    public string PrintUrl => Url + "?ban-in=1";
}
