using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Forum;

namespace Portal.Data.Forum;

internal sealed class QuestionTimelineEntryConfiguration : IEntityTypeConfiguration<QuestionTimelineEntry>
{
    public void Configure(EntityTypeBuilder<QuestionTimelineEntry> builder)
    {
        builder.ToTable("ForumTimeline");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedOnAdd();
        builder.Property(t => t.Action).HasConversion<string>().HasMaxLength(30);
        builder.Property(t => t.Actor).HasMaxLength(256).IsRequired();
        builder.Property(t => t.IpAddress).HasMaxLength(45);
        builder.Property(t => t.Note).HasMaxLength(2000);
        builder.HasIndex(t => new { t.QuestionId, t.Id });
        builder.Ignore(t => t.IsPublic);
    }
}
