using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Content;

namespace Portal.Data.Content;

internal sealed class TimelineEntryConfiguration : IEntityTypeConfiguration<TimelineEntry>
{
    public void Configure(EntityTypeBuilder<TimelineEntry> builder)
    {
        builder.ToTable("Timeline");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedOnAdd();
        builder.Property(t => t.Action).HasConversion<string>().HasMaxLength(30);
        builder.Property(t => t.Actor).HasMaxLength(256).IsRequired();
        builder.Property(t => t.Note).HasMaxLength(2000);
        builder.Property(t => t.IpAddress).HasMaxLength(45);
        builder.HasIndex(t => t.ActorKey);
        builder.HasIndex(t => new { t.DocumentKey, t.Id });
        builder.HasIndex(t => t.At);
    }
}
