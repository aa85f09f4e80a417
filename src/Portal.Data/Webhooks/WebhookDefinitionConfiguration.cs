using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Data.Webhooks;

/// <summary>The webhooks made in the backoffice; configured ones never reach this table.</summary>
internal sealed class WebhookDefinitionConfiguration : IEntityTypeConfiguration<WebhookDefinition>
{
    public void Configure(EntityTypeBuilder<WebhookDefinition> builder)
    {
        builder.ToTable("Webhooks");
        builder.HasKey(w => w.Key);
        builder.Property(w => w.Key).ValueGeneratedNever();
        builder.Property(w => w.Url).HasMaxLength(WebhookDefinition.UrlMaxLength).IsRequired();
        builder.PrimitiveCollection(w => w.Events);
        builder.PrimitiveCollection(w => w.ContentTypes);
        builder.Property(w => w.Secret).HasMaxLength(500);

        // A JSON object, as configuration writes headers; read back case-insensitive, as HTTP names are.
        builder.Property(w => w.Headers)
            .HasConversion(
                v => JsonSerializer.Serialize(v, JsonSerializerOptions.Default),
                v => new Dictionary<string, string>(JsonSerializer.Deserialize<Dictionary<string, string>>(v, JsonSerializerOptions.Default)
                    ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase),
                new ValueComparer<Dictionary<string, string>>(
                    (a, b) => a!.Count == b!.Count && a.All(kv => b.ContainsKey(kv.Key) && b[kv.Key] == kv.Value),
                    v => v.Aggregate(0, (hash, kv) => HashCode.Combine(hash, kv.Key, kv.Value)),
                    v => new Dictionary<string, string>(v, StringComparer.OrdinalIgnoreCase)))
            .IsRequired();
    }
}
