using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Access;

namespace Portal.Data.Access;

internal sealed class UserGroupConfiguration : IEntityTypeConfiguration<UserGroup>
{
    public void Configure(EntityTypeBuilder<UserGroup> builder)
    {
        builder.ToTable("UserGroups");
        builder.HasKey(g => g.Key);
        builder.Property(g => g.Key).ValueGeneratedNever();
        builder.Property(g => g.Alias).HasMaxLength(200).IsRequired();
        builder.HasIndex(g => g.Alias).IsUnique();
        builder.Property(g => g.Name).HasMaxLength(200).IsRequired();
        builder.Property(g => g.Permissions).HasConversion<int>();
        builder.PrimitiveCollection(g => g.Sections);
        builder.PrimitiveCollection(g => g.StartNodeKeys);
        builder.HasIndex(g => g.UnitKey);
        builder.OwnsMany(g => g.NodePermissions, node =>
        {
            node.ToTable("UserGroupNodePermissions");
            node.WithOwner().HasForeignKey("GroupKey");
            node.HasKey("GroupKey", nameof(NodePermission.DocumentKey));
            node.Property(p => p.Permissions).HasConversion<int>();
        });
        builder.Navigation(g => g.NodePermissions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
