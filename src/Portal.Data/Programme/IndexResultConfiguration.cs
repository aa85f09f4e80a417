using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Programme;

namespace Portal.Data.Programme;

internal sealed class IndexResultConfiguration : IEntityTypeConfiguration<IndexResult>
{
    public void Configure(EntityTypeBuilder<IndexResult> builder)
    {
        builder.ToTable("IndexResults");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedOnAdd();
        builder.HasIndex(r => r.Key).IsUnique();

        // One figure per index, year and scope (the province is the empty key, so it is unique as well).
        builder.HasIndex(r => new { r.Index, r.Year, r.UnitKey }).IsUnique();
        builder.HasIndex(r => r.UnitKey);
        builder.Property(r => r.Index).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.UnitName).HasMaxLength(300);
        builder.Property(r => r.Score).HasPrecision(9, 2);
        builder.Property(r => r.MaxScore).HasPrecision(9, 2);
        builder.Property(r => r.Source).HasMaxLength(IndexResult.MaxSourceLength);
        builder.Property(r => r.Note).HasMaxLength(IndexResult.MaxNoteLength);
        builder.Property(r => r.UpdatedBy).HasMaxLength(256).IsRequired();
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.IsProvince);
    }
}
