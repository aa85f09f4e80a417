using Portal.Core.Procedures;
using Portal.Core.Text;

namespace Portal.Infrastructure.Delivery;

/// <summary>
/// How the procedure filters compare values: by URL segment, so <c>procedureField:ho-tich</c>, <c>procedureField:Hộ tịch</c>
/// and <c>procedureField:HỘ TỊCH</c> all mean the same field, and a level may drop its "Cấp" (<c>level:xa</c>).
/// </summary>
internal static class ProcedureFilterValues
{
    public static bool Same(string wanted, string? actual) =>
        actual is not null && Slug(wanted) is { Length: > 0 } slug && (slug == Slug(actual) || "cap-" + slug == Slug(actual));

    public static ProcedureStatus? Status(string value) => Slug(value) switch
    {
        "inforce" or "in-force" or "dang-co-hieu-luc" or "con-hieu-luc" => ProcedureStatus.InForce,
        "abolished" or "da-bai-bo" or "bai-bo" => ProcedureStatus.Abolished,
        "replaced" or "da-duoc-thay-the" or "thay-the" => ProcedureStatus.Replaced,
        _ => null,
    };

    private static string Slug(string value) => UrlSegment.From(value.Trim());
}
