using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Programme;

namespace Portal.Data.Programme;

internal sealed class TrainingRegistrationConfiguration : IEntityTypeConfiguration<TrainingRegistration>
{
    public void Configure(EntityTypeBuilder<TrainingRegistration> builder)
    {
        builder.ToTable("TrainingRegistrations");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedOnAdd();
        builder.HasIndex(r => r.Key).IsUnique();

        // The quota's guard: a unit's seats in a course are numbered 1…quota, and a seat is taken once.
        builder.HasIndex(r => new { r.CourseKey, r.UnitKey, r.Seat }).IsUnique();
        builder.HasIndex(r => r.UnitKey);
        builder.Property(r => r.UnitName).HasMaxLength(300).IsRequired();
        builder.Property(r => r.Level).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.FullName).HasMaxLength(TrainingRegistration.MaxNameLength).IsRequired();
        builder.Property(r => r.Position).HasMaxLength(TrainingRegistration.MaxTextLength);
        builder.Property(r => r.Phone).HasMaxLength(50);
        builder.Property(r => r.Email).HasMaxLength(TrainingRegistration.MaxTextLength);
        builder.Property(r => r.RegisteredBy).HasMaxLength(256).IsRequired();
    }
}
