using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Media;

namespace Portal.Data.Media;

internal sealed class MediaItemConfiguration : IEntityTypeConfiguration<MediaItem>
{
    public void Configure(EntityTypeBuilder<MediaItem> builder)
    {
        builder.ToTable("MediaItems");
        builder.HasKey(m => m.Key);
        builder.Property(m => m.Key).ValueGeneratedNever();
        builder.Property(m => m.MediaTypeAlias).HasMaxLength(50).IsRequired();
        builder.Property(m => m.Name).HasMaxLength(MediaFileRules.NameMaxLength).IsRequired();
        builder.Property(m => m.Url).HasMaxLength(MediaItem.UrlMaxLength);
        builder.Property(m => m.ContentType).HasMaxLength(MediaItem.ContentTypeMaxLength);
        builder.Property(m => m.AltText).HasMaxLength(MediaFileRules.AltTextMaxLength);
        builder.Property(m => m.CreatedBy).HasMaxLength(MediaItem.ActorMaxLength).IsRequired();
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.Ignore(m => m.IsFolder);
        builder.Ignore(m => m.FocalPoint);
        builder.Ignore(m => m.Extension);

        // A folder cannot be deleted while anything is in it (the library refuses first; the key is the last word).
        builder.HasOne<MediaItem>().WithMany().HasForeignKey(m => m.ParentKey).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.ParentKey, m.SortOrder });

        // Two items never share a file; folders have none (NULLs are distinct on both providers).
        builder.HasIndex(m => m.Url).IsUnique();
    }
}
