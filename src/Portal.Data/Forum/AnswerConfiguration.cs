using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Forum;

namespace Portal.Data.Forum;

internal sealed class AnswerConfiguration : IEntityTypeConfiguration<Answer>
{
    public void Configure(EntityTypeBuilder<Answer> builder)
    {
        builder.ToTable("ForumAnswers");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedOnAdd();
        builder.HasIndex(a => a.Key).IsUnique();
        builder.HasIndex(a => new { a.UnitKey, a.Status });
        builder.Property(a => a.UnitName).HasMaxLength(300).IsRequired();
        builder.Property(a => a.Body).IsRequired();
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.WrittenBy).HasMaxLength(256).IsRequired();
        builder.Property(a => a.ApprovedBy).HasMaxLength(256);
        builder.Property(a => a.ReturnReason).HasMaxLength(2000);
        builder.PrimitiveCollection(a => a.Citations);
        builder.PrimitiveCollection(a => a.AttachmentKeys);
        builder.Ignore(a => a.IsEditable);
    }
}
