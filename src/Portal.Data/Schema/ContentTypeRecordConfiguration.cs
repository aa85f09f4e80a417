using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Data.Schema;

internal sealed class ContentTypeRecordConfiguration : IEntityTypeConfiguration<ContentTypeRecord>
{
    public void Configure(EntityTypeBuilder<ContentTypeRecord> builder)
    {
        builder.ToTable("ContentTypes");
        builder.HasKey(c => c.Key);
        builder.Property(c => c.Key).ValueGeneratedNever();
        builder.Property(c => c.Alias).HasMaxLength(100).IsRequired();
        builder.Property(c => c.Definition).IsRequired();
        builder.HasIndex(c => c.Alias).IsUnique();
    }
}
