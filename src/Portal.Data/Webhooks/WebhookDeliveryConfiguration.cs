using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Data.Webhooks;

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("WebhookDeliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedOnAdd();
        builder.Property(d => d.EventAlias).HasMaxLength(WebhookDelivery.EventAliasMaxLength).IsRequired();
        builder.Property(d => d.Url).HasMaxLength(WebhookDelivery.UrlMaxLength).IsRequired();
        builder.Property(d => d.Payload).IsRequired();
        builder.Property(d => d.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.LastError).HasMaxLength(WebhookDelivery.LastErrorMaxLength);

        // The firing job's question (what is due?) and the cleanup's (what is old?).
        builder.HasIndex(d => new { d.State, d.NextAttemptAt });
        builder.HasIndex(d => d.CreatedAt);
    }
}
