namespace Portal.Data.Notifications;

/// <summary>An in-app message to one backoffice user (a draft waiting for approval, a rejected draft, a review request).</summary>
public sealed class Notification
{
    private Notification()
    {
        Title = string.Empty;
        Body = string.Empty;
    }

    public Notification(Guid userKey, string title, string body, Guid? documentKey, DateTime createdAt)
    {
        UserKey = userKey;
        Title = title;
        Body = body;
        DocumentKey = documentKey;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }
    public Guid UserKey { get; private set; }
    public string Title { get; private set; }
    public string Body { get; private set; }
    public Guid? DocumentKey { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? ReadAt { get; private set; }

    public void MarkRead(DateTime now) => ReadAt ??= now;
}
