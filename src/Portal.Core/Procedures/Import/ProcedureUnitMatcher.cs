using Portal.Core.Schema;

namespace Portal.Core.Procedures.Import;

/// <summary>A unit page of the site (content type <c>unit</c>) as the matcher needs it.</summary>
/// <param name="Key">The document key.</param>
/// <param name="UrlSegment">The page's URL segment, e.g. so-tu-phap; import files name units by it.</param>
/// <param name="Name">The unit's name, e.g. "Sở Tư pháp".</param>
/// <param name="Kind">The <c>kind</c> choice: "Sở, ban, ngành", "Huyện, thành phố" or "Xã, phường, thị trấn".</param>
public sealed record ProcedureUnit(Guid Key, string UrlSegment, string Name, string Kind);

/// <summary>A unit that performs the procedure at one level; becomes one <c>procedureAssignment</c> block.</summary>
public sealed record ProcedureAssignment(Guid UnitKey, string Level);

/// <summary>Decides which units of the site perform a procedure, so the procedure shows on their pages.</summary>
public static class ProcedureUnitMatcher
{
    /// <summary>The <c>kind</c> of a provincial department or agency.</summary>
    public const string DepartmentKind = "Sở, ban, ngành";

    /// <summary>The <c>kind</c> of a district or provincial city.</summary>
    public const string DistrictKind = "Huyện, thành phố";

    /// <summary>
    /// Assignments inferred from the procedure's levels and agency texts, in level order then unit order:
    /// <list type="bullet">
    /// <item>"Cấp tỉnh": every department/agency unit whose name appears in one of the agency texts (Cơ quan thực hiện,
    /// Cơ quan có thẩm quyền), ignoring case and diacritics and matching whole words, so "Sở Tư pháp" is found in
    /// "SỞ TƯ PHÁP tỉnh Kon Tum", while a name is never found inside a longer word.</item>
    /// <item>"Cấp huyện" and "Cấp xã": every district/city unit, because the district performs the district-level procedure
    /// and oversees its communes, whose procedures the site lists on the district's page.</item>
    /// <item>Other levels ("Cấp bộ", "Cơ quan khác"): no unit of the site performs them.</item>
    /// </list>
    /// Explicit assignments from the import file replace all of this: see <see cref="Explicit"/>.
    /// </summary>
    public static IReadOnlyList<ProcedureAssignment> Infer(IReadOnlyList<string> levels, IReadOnlyList<string> agencyTexts, IReadOnlyList<ProcedureUnit> units)
    {
        var agencies = agencyTexts.Select(t => "-" + ImportText.Fold(t) + "-").ToList();
        var assignments = new List<ProcedureAssignment>();
        foreach (var level in levels)
        {
            var performing = level switch
            {
                ProcedureLevels.Province => units.Where(u => u.Kind == DepartmentKind && Mentions(agencies, u.Name)),
                ProcedureLevels.District or ProcedureLevels.Commune => units.Where(u => u.Kind == DistrictKind),
                _ => [],
            };
            assignments.AddRange(performing.Select(u => new ProcedureAssignment(u.Key, level)));
        }

        return assignments.Distinct().ToList();
    }

    /// <summary>
    /// Assignments named by the import file (<c>don_vi_thuc_hien</c>: unit URL segment and level). They win over
    /// <see cref="Infer"/> because an editor who names units knows better than the agency texts. Returns the URL segment
    /// or level that is not known instead, so the record can be rejected with it.
    /// </summary>
    public static (IReadOnlyList<ProcedureAssignment> Assignments, string? Unknown) Explicit(
        IReadOnlyList<(string Segment, string Level)> named, IReadOnlyList<ProcedureUnit> units)
    {
        var assignments = new List<ProcedureAssignment>();
        foreach (var (segment, written) in named)
        {
            var unit = units.FirstOrDefault(u => string.Equals(u.UrlSegment, segment.Trim(), StringComparison.OrdinalIgnoreCase));
            if (unit is null)
            {
                return ([], $"Không có đơn vị «{segment}» trên trang.");
            }

            if (ProcedureLevels.Normalise(written) is not { } level)
            {
                return ([], $"Cấp thực hiện «{written}» của đơn vị «{segment}» không hợp lệ.");
            }

            assignments.Add(new ProcedureAssignment(unit.Key, level));
        }

        return (assignments.Distinct().ToList(), null);
    }

    /// <summary>
    /// The <c>assignments</c> Block List value: one <c>procedureAssignment</c> per assignment, unit stored as
    /// <c>umb://document/{key}</c> and level as a one-item JSON array; block keys derive from the procedure code.
    /// Empty text when there are no assignments.
    /// </summary>
    public static string Write(string procedureCode, IReadOnlyList<ProcedureAssignment> assignments, ISchemaCatalog catalog) =>
        new ProcedureBlocks(catalog).Assignments(procedureCode, assignments);

    private static bool Mentions(List<string> foldedAgencies, string unitName)
    {
        var name = ImportText.Fold(unitName);
        return name.Length > 0 && foldedAgencies.Exists(a => a.Contains("-" + name + "-", StringComparison.Ordinal));
    }
}
