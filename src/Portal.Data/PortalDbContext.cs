using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Portal.Core.Access;
using Portal.Core.Content;
using Portal.Data.Access;
using Portal.Data.Audit;
using Portal.Data.Notifications;
using Portal.Data.Leases;
using Portal.Data.Outbox;
using Portal.Data.Schema;
using Portal.Data.Users;
using Portal.Data.Webhooks;

namespace Portal.Data;

/// <summary>
/// The one context for both providers. Each provider keeps its own migrations assembly
/// (Portal.Data.Sqlite, Portal.Data.PostgreSql), chosen when the options are built.
/// </summary>
public class PortalDbContext(DbContextOptions<PortalDbContext> options)
    : IdentityDbContext<BackofficeUser, IdentityRole<Guid>, Guid>(options)
{
    public DbSet<Document> Documents => Set<Document>();
    public DbSet<Edition> Editions => Set<Edition>();
    public DbSet<TimelineEntry> Timeline => Set<TimelineEntry>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<OutboxCursor> OutboxCursors => Set<OutboxCursor>();
    public DbSet<ContentTypeRecord> ContentTypes => Set<ContentTypeRecord>();
    public DbSet<DataTypeRecord> DataTypes => Set<DataTypeRecord>();
    public DbSet<Lease> Leases => Set<Lease>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<WebhookDefinition> Webhooks => Set<WebhookDefinition>();
    public DbSet<UserGroup> UserGroups => Set<UserGroup>();
    public DbSet<UserGroupMember> UserGroupMembers => Set<UserGroupMember>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<Portal.Core.Media.MediaItem> MediaItems => Set<Portal.Core.Media.MediaItem>();
    public DbSet<Portal.Core.Forum.Question> ForumQuestions => Set<Portal.Core.Forum.Question>();
    public DbSet<Portal.Core.Programme.TrainingRegistration> TrainingRegistrations => Set<Portal.Core.Programme.TrainingRegistration>();
    public DbSet<Portal.Core.Programme.IndexResult> IndexResults => Set<Portal.Core.Programme.IndexResult>();
    public DbSet<Portal.Core.Programme.OutputReminder> OutputReminders => Set<Portal.Core.Programme.OutputReminder>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);

        // Applications (API clients), authorizations and issued tokens of the Management API's token endpoint.
        builder.UseOpenIddict();
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every instant is stored as UTC; SQLite forgets the kind, PostgreSQL's timestamptz insists on it.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcConverter>();
    }

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class NullableUtcConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v == null ? v : v.Value.Kind == DateTimeKind.Utc ? v : v.Value.ToUniversalTime(),
        v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
}
