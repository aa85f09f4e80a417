using Microsoft.AspNetCore.Identity;

namespace Portal.Data.Users;

/// <summary>A person who signs in to the backoffice at /umbraco.</summary>
public sealed class BackofficeUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = string.Empty;

    public DateTime CreatedAt { get; set; }

    public UserKind Kind { get; set; }

    /// <summary>For an API user: the OAuth client id it signs in with (client credentials).</summary>
    public string? ClientId { get; set; }
}

public enum UserKind
{
    /// <summary>A person who signs in with a password (and optionally a second factor).</summary>
    Person = 0,

    /// <summary>A program that calls the Management API with client credentials (Umbraco's API user).</summary>
    Api = 1,
}
