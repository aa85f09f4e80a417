using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Content;

namespace Portal.Data.Content;

internal sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> builder)
    {
        builder.ToTable("Documents");
        builder.HasKey(d => d.Key);
        builder.Property(d => d.Key).ValueGeneratedNever();
        builder.Property(d => d.ContentTypeAlias).HasMaxLength(100).IsRequired();
        builder.Property(d => d.Path).HasMaxLength(4000).IsRequired();
        builder.Property(d => d.CreatedBy).HasMaxLength(256).IsRequired();
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.Ignore(d => d.Live);
        builder.Ignore(d => d.Pending);
        builder.Ignore(d => d.Current);
        builder.HasMany(d => d.Editions).WithOne().HasForeignKey(e => e.DocumentKey).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Editions).HasField("editions").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(d => new { d.ParentKey, d.SortOrder });
        builder.HasIndex(d => d.Path);
        builder.HasIndex(d => d.ContentTypeAlias);
    }
}
