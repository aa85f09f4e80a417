using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Forum;

namespace Portal.Data.Forum;

internal sealed class PostReportConfiguration : IEntityTypeConfiguration<PostReport>
{
    public void Configure(EntityTypeBuilder<PostReport> builder)
    {
        builder.ToTable("ForumReports");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedOnAdd();
        builder.Property(r => r.Reporter).HasMaxLength(64).IsRequired();
        builder.Property(r => r.Reason).HasMaxLength(500);
        builder.HasIndex(r => new { r.Decided, r.At });
    }
}
