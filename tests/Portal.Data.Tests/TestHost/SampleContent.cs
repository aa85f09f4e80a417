using Portal.Core.Access;

namespace Portal.Data.Tests.TestHost;

/// <summary>Names and field values that satisfy the real uSync/v17 content types.</summary>
internal static class SampleContent
{
    public static readonly Actor Actor = Actor.System("bientap@cchc.gov.vn");
    public const string HomeName = "Trang chủ";
    public const string ColumnName = "Chuyên trang CCHC";
    public const string ColumnSegment = "chuyen-trang-cchc";
    public const string NewsCategory = "[\"Tin tức\"]";

    /// <summary>Home, column and page need only their title.</summary>
    public static Dictionary<string, string> Titled(string title) => new(StringComparer.Ordinal) { ["title"] = title };

    /// <summary>Every mandatory article field: title, summary, body (bare HTML, wrapped on save) and category.</summary>
    public static Dictionary<string, string> Article(string title, string body = "<p>Nội dung chính của bài viết.</p>") =>
        new(StringComparer.Ordinal)
        {
            ["title"] = title,
            ["summary"] = $"Tóm tắt: {title}",
            ["body"] = body,
            ["category"] = NewsCategory,
        };
}
