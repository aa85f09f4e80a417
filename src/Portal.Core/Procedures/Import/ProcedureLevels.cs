namespace Portal.Core.Procedures.Import;

/// <summary>The levels of government (the cap-thuc-hien choices) and the spellings import files use for them.</summary>
internal static class ProcedureLevels
{
    public const string Province = "Cấp tỉnh";
    public const string District = "Cấp huyện";
    public const string Commune = "Cấp xã";
    public const string Ministry = "Cấp bộ";
    public const string Other = "Cơ quan khác";

    /// <summary>The choice for "Cấp Tỉnh", "tỉnh", "CẤP XÃ", "Cấp Trung ương"…; null when the text names no level.</summary>
    public static string? Normalise(string written)
    {
        var folded = ImportText.Fold(written);
        if (folded.StartsWith("cap-", StringComparison.Ordinal))
        {
            folded = folded[4..];
        }

        return folded switch
        {
            "tinh" => Province,
            "huyen" => District,
            "xa" => Commune,
            "bo" or "trung-uong" or "bo-nganh" => Ministry,
            "co-quan-khac" or "khac" => Other,
            _ => null,
        };
    }
}
