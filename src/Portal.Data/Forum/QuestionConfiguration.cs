using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Forum;

namespace Portal.Data.Forum;

internal sealed class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> builder)
    {
        builder.ToTable("ForumQuestions");
        builder.HasKey(q => q.Id);
        builder.Property(q => q.Id).ValueGeneratedOnAdd();
        builder.HasIndex(q => q.Key).IsUnique();
        builder.Property(q => q.TrackingCode).HasMaxLength(20).IsRequired();
        builder.HasIndex(q => q.TrackingCode).IsUnique();
        builder.HasIndex(q => new { q.Year, q.Number }).IsUnique();
        builder.Property(q => q.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(q => q.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(q => q.Title).HasMaxLength(NewQuestion.TitleMax * 2).IsRequired();
        builder.Property(q => q.Body).HasMaxLength(NewQuestion.BodyMax * 2).IsRequired();
        builder.Property(q => q.OriginalText).HasMaxLength((NewQuestion.TitleMax + NewQuestion.BodyMax) * 2);
        builder.Property(q => q.Topic).HasMaxLength(200);
        builder.Property(q => q.ProcedureCode).HasMaxLength(60);
        builder.Property(q => q.AskerName).HasMaxLength(NewQuestion.NameMax * 2).IsRequired();
        builder.Property(q => q.Contact).HasMaxLength(256);
        builder.Property(q => q.StatusReason).HasMaxLength(2000);
        builder.Property(q => q.AssignedUnitName).HasMaxLength(300);
        builder.Property(q => q.TransferredTo).HasMaxLength(300);
        builder.Property(q => q.SearchText).IsRequired();
        builder.Property(q => q.Version).IsConcurrencyToken();
        builder.HasIndex(q => new { q.Status, q.SubmittedAt });
        builder.HasIndex(q => new { q.AssignedUnitKey, q.Status });
        builder.HasIndex(q => q.AssignedAt);
        builder.HasIndex(q => q.ClosedAt);
        builder.Ignore(q => q.IsPublic);
        builder.Ignore(q => q.IsConfirmed);
        builder.Ignore(q => q.PublishedAnswers);

        builder.HasMany(q => q.Answers).WithOne().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(q => q.Reports).WithOne().HasForeignKey(r => r.QuestionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(q => q.Timeline).WithOne().HasForeignKey(t => t.QuestionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(q => q.Answers).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(q => q.Reports).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(q => q.Timeline).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
