using Portal.Core.Access;

namespace Portal.Data.Audit;

/// <summary>
/// A change to who may do what (users, groups, API clients) or a sign-in event. Document changes are in the
/// document timeline; the audit log reads both.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
        Actor = string.Empty;
        EntityType = string.Empty;
        Action = string.Empty;
    }

    public AuditEntry(Actor actor, string entityType, Guid? entityKey, string action, DateTime at, string? note = null)
    {
        Actor = actor.Name;
        ActorKey = actor.UserKey;
        IpAddress = actor.IpAddress;
        EntityType = entityType;
        EntityKey = entityKey;
        Action = action;
        At = at;
        Note = note;
    }

    public long Id { get; private set; }
    public DateTime At { get; private set; }
    public string Actor { get; private set; }
    public Guid? ActorKey { get; private set; }
    public string? IpAddress { get; private set; }

    /// <summary>User, UserGroup or Webhook, as <see cref="AuditEntityTypes"/> names them.</summary>
    public string EntityType { get; private set; }
    public Guid? EntityKey { get; private set; }
    public string Action { get; private set; }
    public string? Note { get; private set; }
}

public static class AuditEntityTypes
{
    public const string Document = "Document";
    public const string User = "User";
    public const string UserGroup = "UserGroup";
    public const string Webhook = "Webhook";
    public const string IndexResult = "IndexResult";
    public const string TrainingRegistration = "TrainingRegistration";
    public const string SearchIndex = "SearchIndex";

    public static readonly IReadOnlyList<string> All = [Document, User, UserGroup, Webhook, IndexResult, TrainingRegistration, SearchIndex];
}
