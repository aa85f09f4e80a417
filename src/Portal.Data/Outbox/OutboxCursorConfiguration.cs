using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Data.Outbox;

internal sealed class OutboxCursorConfiguration : IEntityTypeConfiguration<OutboxCursor>
{
    public void Configure(EntityTypeBuilder<OutboxCursor> builder)
    {
        builder.ToTable("OutboxCursors");
        builder.HasKey(c => c.Consumer);
        builder.Property(c => c.Consumer).HasMaxLength(200);
    }
}
