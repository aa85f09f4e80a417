namespace Portal.Infrastructure.Forum;

/// <summary>The forum's public and backoffice addresses, relative to the site.</summary>
public static class ForumPaths
{
    public const string Root = "/dien-dan";
    public const string Ask = Root + "/hoi";
    public const string Track = Root + "/tra-cuu";
    public const string Confirm = Root + "/xac-nhan";
    public const string Statistics = Root + "/thong-ke";
    public const string Backoffice = "/umbraco/dien-dan";

    /// <summary>A thread's address is its tracking code in lower case: stable, short, and free of personal data.</summary>
    public static string Thread(string trackingCode) => $"{Root}/{trackingCode.ToLowerInvariant()}";

    public static string BackofficeQuestion(Guid key) => $"{Backoffice}/{key}";
}
