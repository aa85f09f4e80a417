using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Programme;

namespace Portal.Data.Programme;

internal sealed class OutputReminderConfiguration : IEntityTypeConfiguration<OutputReminder>
{
    public void Configure(EntityTypeBuilder<OutputReminder> builder)
    {
        builder.ToTable("OutputReminders");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedOnAdd();

        // Sent once per unit and month, even when two nodes tick at the same moment.
        builder.HasIndex(r => new { r.UnitKey, r.Month }).IsUnique();
    }
}
