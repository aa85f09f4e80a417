using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Content;

namespace Portal.Data.Content;

internal sealed class EditionConfiguration : IEntityTypeConfiguration<Edition>
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public void Configure(EntityTypeBuilder<Edition> builder)
    {
        builder.ToTable("Editions");
        builder.HasKey(e => new { e.DocumentKey, e.Number });
        builder.Property(e => e.Number).ValueGeneratedNever();
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Name).HasMaxLength(255).IsRequired();
        builder.Property(e => e.UrlSegment).HasMaxLength(255).IsRequired();
        builder.Property(e => e.CreatedBy).HasMaxLength(256).IsRequired();
        builder.Property(e => e.PublishedBy).HasMaxLength(256);
        builder.HasIndex(e => e.Key).IsUnique();
        builder.Property(e => e.ForcePublishReason).HasMaxLength(2000);
        builder.Property(e => e.ForcePublishedBy).HasMaxLength(256);
        builder.Property(e => e.ReviewedBy).HasMaxLength(256);
        builder.Property(e => e.Values)
            .HasColumnName("FieldValues")
            .HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                v => JsonSerializer.Deserialize<Dictionary<string, string>>(v, Json) ?? new Dictionary<string, string>(),
                new ValueComparer<IReadOnlyDictionary<string, string>>(
                    (a, b) => a!.Count == b!.Count && a.All(kv => b.ContainsKey(kv.Key) && b[kv.Key] == kv.Value),
                    v => v.Aggregate(0, (hash, kv) => HashCode.Combine(hash, kv.Key, kv.Value)),
                    v => new Dictionary<string, string>(v)))
            .IsRequired();
        builder.HasIndex(e => new { e.Status, e.PublishAt });

        // Covers the route tree's start-up read of every live edition, so the wide FieldValues rows are never touched.
        builder.HasIndex(e => new { e.Status, e.DocumentKey, e.Number, e.Name, e.UrlSegment, e.PublishedAt, e.UnitKey })
            .HasDatabaseName("IX_Editions_RouteTree");
        builder.HasIndex(e => new { e.Status, e.UnpublishAt });
    }
}
