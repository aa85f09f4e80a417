namespace Portal.Core.Access;

/// <summary>Backoffice areas a user group may open. Aliases are stable; names are what editors read.</summary>
public static class Section
{
    public const string Content = "content";
    public const string Directives = "directives";
    public const string Column = "column";
    public const string Procedures = "procedures";
    public const string Forum = "forum";
    public const string Media = "media";
    public const string Reports = "reports";
    public const string Users = "users";
    public const string Settings = "settings";

    public static readonly IReadOnlyList<string> All = [Content, Directives, Column, Procedures, Forum, Media, Reports, Users, Settings];

    public static string ToVietnamese(string alias) => alias switch
    {
        Content => "Nội dung",
        Directives => "Chỉ đạo điều hành",
        Column => "Chuyên trang CCHC",
        Procedures => "Thủ tục hành chính",
        Forum => "Diễn đàn",
        Media => "Media",
        Reports => "Báo cáo",
        Users => "Người dùng",
        Settings => "Cài đặt",
        _ => alias,
    };
}
