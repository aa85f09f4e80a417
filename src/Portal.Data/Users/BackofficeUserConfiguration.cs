using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Data.Users;

internal sealed class BackofficeUserConfiguration : IEntityTypeConfiguration<BackofficeUser>
{
    public void Configure(EntityTypeBuilder<BackofficeUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.Property(u => u.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(u => u.ClientId).HasMaxLength(100);
        builder.HasIndex(u => u.ClientId).IsUnique();
    }
}
