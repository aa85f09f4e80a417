namespace Portal.Core.Programme;

/// <summary>The three levels of government the plan sets training quotas by (plan II.1).</summary>
public enum UnitLevel
{
    Provincial = 1,
    District = 2,
    Commune = 3,
}

public static class UnitLevels
{
    public static readonly IReadOnlyList<UnitLevel> All = [UnitLevel.Provincial, UnitLevel.District, UnitLevel.Commune];

    /// <summary>The level of a unit page from its <c>kind</c> field (the choices of the «Loại đơn vị» data type), or null when unset.</summary>
    public static UnitLevel? FromKind(string? kind)
    {
        if (string.IsNullOrWhiteSpace(kind))
        {
            return null;
        }

        var text = kind.Normalize(System.Text.NormalizationForm.FormC);
        return text.Contains("Xã", StringComparison.Ordinal) ? UnitLevel.Commune
            : text.Contains("Huyện", StringComparison.Ordinal) ? UnitLevel.District
            : text.Contains("Sở", StringComparison.Ordinal) ? UnitLevel.Provincial
            : null;
    }

    public static string ToVietnamese(this UnitLevel level) => level switch
    {
        UnitLevel.Provincial => "Cấp tỉnh (sở, ban, ngành)",
        UnitLevel.District => "Cấp huyện (huyện, thành phố)",
        UnitLevel.Commune => "Cấp xã (xã, phường, thị trấn)",
        _ => level.ToString(),
    };
}
