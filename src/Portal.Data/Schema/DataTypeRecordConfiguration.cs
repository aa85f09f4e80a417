using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Data.Schema;

internal sealed class DataTypeRecordConfiguration : IEntityTypeConfiguration<DataTypeRecord>
{
    public void Configure(EntityTypeBuilder<DataTypeRecord> builder)
    {
        builder.ToTable("DataTypes");
        builder.HasKey(d => d.Key);
        builder.Property(d => d.Key).ValueGeneratedNever();
        builder.Property(d => d.Name).HasMaxLength(200).IsRequired();
        builder.Property(d => d.EditorAlias).HasMaxLength(200).IsRequired();
        builder.Property(d => d.EditorUiAlias).HasMaxLength(200);
        builder.Property(d => d.ConfigJson).IsRequired();
    }
}
