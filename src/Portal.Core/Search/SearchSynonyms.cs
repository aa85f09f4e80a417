namespace Portal.Core.Search;

/// <summary>
/// Words that mean the same on this site, as folded words (no diacritics, lower case). A query holding any form of a
/// group finds the others: "TTHC" finds "thủ tục hành chính" and back. Đăk, Đắk and Dak already fold to the same word.
/// </summary>
public static class SearchSynonyms
{
    public static IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> Groups { get; } =
    [
        [["tthc"], ["thu", "tuc", "hanh", "chinh"]],
        [["cchc"], ["cai", "cach", "hanh", "chinh"]],
        [["ubnd"], ["uy", "ban", "nhan", "dan"]],
        [["dvc"], ["dich", "vu", "cong"]],
        [["pakn"], ["phan", "anh", "kien", "nghi"]],
        [["kontum"], ["kon", "tum"]],
        [["gplx"], ["giay", "phep", "lai", "xe"]],
    ];

    /// <summary>
    /// The group whose form starts at <paramref name="start"/> of the folded words, with the length of that form; the
    /// longest form wins, so "thu tuc hanh chinh" is read as one unit and not as "thu" alone.
    /// </summary>
    public static (IReadOnlyList<IReadOnlyList<string>> Group, int Length)? Match(IReadOnlyList<string> words, int start)
    {
        ArgumentNullException.ThrowIfNull(words);
        (IReadOnlyList<IReadOnlyList<string>> Group, int Length)? best = null;
        foreach (var group in Groups)
        {
            foreach (var form in group)
            {
                if (form.Count > (best?.Length ?? 0) && start + form.Count <= words.Count && Matches(words, start, form))
                {
                    best = (group, form.Count);
                }
            }
        }

        return best;
    }

    private static bool Matches(IReadOnlyList<string> words, int start, IReadOnlyList<string> form)
    {
        for (var i = 0; i < form.Count; i++)
        {
            if (!string.Equals(words[start + i], form[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
