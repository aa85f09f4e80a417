using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Access;
using Portal.Data.Users;

namespace Portal.Data.Access;

internal sealed class UserGroupMemberConfiguration : IEntityTypeConfiguration<UserGroupMember>
{
    public void Configure(EntityTypeBuilder<UserGroupMember> builder)
    {
        builder.ToTable("UserGroupMembers");
        builder.HasKey(m => new { m.UserKey, m.GroupKey });
        builder.HasIndex(m => m.GroupKey);
        builder.HasOne<BackofficeUser>().WithMany().HasForeignKey(m => m.UserKey).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<UserGroup>().WithMany().HasForeignKey(m => m.GroupKey).OnDelete(DeleteBehavior.Cascade);
    }
}
