namespace Portal.Core.Procedures.Import;

/// <summary>One submission channel recovered from the "Cách thức thực hiện" table.</summary>
/// <param name="Kind">"Trực tiếp", "Trực tuyến" or "Dịch vụ bưu chính" (the hinh-thuc-nop-ho-so choices).</param>
/// <param name="FeeAmount">Set only when the fee cell holds exactly one amount, or 0 when it says there is no fee.</param>
/// <param name="FeeCurrency">"VND" or "USD" when <paramref name="FeeAmount"/> has a currency.</param>
/// <param name="FeeText">The fee cell as written, so exemptions and per-case fees are never lost.</param>
internal sealed record ParsedChannel(string Kind, string TimeLimit, decimal? FeeAmount, string? FeeCurrency, string FeeText, string Description);

/// <summary>One dossier item recovered from the "Thành phần hồ sơ" table.</summary>
internal sealed record ParsedDossierItem(string CaseLabel, string Name, int? Originals, int? Copies, string QuantityText, string FormName, string FormUrl);

/// <summary>One legal document of the "Căn cứ pháp lý" table: its number (47/2014/QH13) and title where separable.</summary>
internal sealed record ParsedLegalDocument(string Number, string Title);

/// <summary>One result of the procedure with its national result code (KQ.G01.000076) when given.</summary>
internal sealed record ParsedResult(string Name, string Code);
