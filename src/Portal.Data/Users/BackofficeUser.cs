using Microsoft.AspNetCore.Identity;

namespace Portal.Data.Users;

/// <summary>A person who signs in to the backoffice at /umbraco.</summary>
public sealed class BackofficeUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = string.Empty;

    public DateTime CreatedAt { get; set; }
}
