namespace Portal.Core.Programme;

/// <summary>
/// How many people each unit of a level may send to one training course. The plan's numbers (II.1: 3 per provincial
/// unit, 6 per district, 2 per commune) apply where the course leaves its own field empty; 0 means the level is not invited.
/// </summary>
public sealed record TrainingQuota(int Provincial, int District, int Commune)
{
    public static readonly TrainingQuota Plan = new(3, 6, 2);

    /// <summary>The course's quota fields (<c>quotaProvincial</c>, <c>quotaDistrict</c>, <c>quotaCommune</c>), each falling back to the plan.</summary>
    public static TrainingQuota FromFields(int? provincial, int? district, int? commune) =>
        new(Sanitize(provincial, Plan.Provincial), Sanitize(district, Plan.District), Sanitize(commune, Plan.Commune));

    public int For(UnitLevel level) => level switch
    {
        UnitLevel.Provincial => Provincial,
        UnitLevel.District => District,
        UnitLevel.Commune => Commune,
        _ => 0,
    };

    private static int Sanitize(int? value, int plan) => value is { } v ? Math.Max(0, v) : plan;
}
