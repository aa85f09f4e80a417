using System.Text.Json.Serialization;
using Portal.Web.Features.Management.Documents;

namespace Portal.Web.Features.Management.Users;

// Request and response bodies of the user and user-group endpoints, in Umbraco 17's Management API shapes (camelCase).

/// <summary>Umbraco's <c>UserResponseModel</c>, with Portal's <see cref="IsTwoFactorEnabled"/>; <see cref="LastLoginDate"/> is the last sign-in in the audit log.</summary>
internal sealed record UserResponse(
    Guid Id,
    string Email,
    string UserName,
    string Name,
    IReadOnlyList<ReferenceById> UserGroupIds,
    string State,
    string Kind,
    DateTimeOffset CreateDate,
    int FailedLoginAttempts,
    DateTimeOffset? LockedOutUntil,
    bool IsTwoFactorEnabled,
    bool IsAdmin,
    DateTimeOffset? LastLoginDate);

internal sealed record CreateUserRequest(Guid? Id, string? Email, string? UserName, string? Name, IReadOnlyList<ReferenceById>? UserGroupIds,
    string? Kind);

/// <summary>
/// Umbraco answers a new user with an empty 201 and sends an invitation e-mail; Portal has no mail of its own for this
/// yet, so the one-time password comes back here, once, to the administrator who created the account.
/// </summary>
internal sealed record CreateUserResponse(string InitialPassword);

internal sealed record SetUserGroupsRequest(IReadOnlyList<ReferenceById>? UserIds, IReadOnlyList<ReferenceById>? UserGroupIds);

internal sealed record UserIdsRequest(IReadOnlyList<ReferenceById>? UserIds);

/// <summary>Umbraco's <c>DocumentPermissionPresentationModel</c>: the verbs a group holds on one document and below it.</summary>
internal sealed record DocumentPermissionModel(
    [property: JsonPropertyName("$type")] string? Type,
    ReferenceById? Document,
    IReadOnlyList<string>? Verbs)
{
    public const string TypeName = "DocumentPermissionPresentationModel";
}

/// <summary>
/// Umbraco's <c>UserGroupResponseModel</c>. Portal groups may start at several documents: <see cref="StartNodeKeys"/>
/// lists them all, <see cref="DocumentStartNode"/> shows the first, as Umbraco has room for one.
/// </summary>
internal sealed record UserGroupResponse(
    Guid Id,
    string Alias,
    string Name,
    string Icon,
    IReadOnlyList<string> Sections,
    IReadOnlyList<string> Languages,
    bool HasAccessToAllLanguages,
    bool DocumentRootAccess,
    ReferenceById? DocumentStartNode,
    bool MediaRootAccess,
    ReferenceById? MediaStartNode,
    IReadOnlyList<string> FallbackPermissions,
    IReadOnlyList<DocumentPermissionModel> Permissions,
    IReadOnlyList<Guid> StartNodeKeys,
    bool IsDeletable,
    bool AliasCanBeChanged);

/// <summary>
/// The body of <c>POST /user-group</c> and <c>PUT /user-group/{id}</c>. On update the alias stays, and a list left out
/// keeps its current value. <see cref="StartNodeKeys"/> wins over <see cref="DocumentStartNode"/> when both are sent.
/// </summary>
internal sealed record UserGroupRequest(
    Guid? Id,
    string? Alias,
    string? Name,
    IReadOnlyList<string>? Sections,
    IReadOnlyList<string>? FallbackPermissions,
    bool? DocumentRootAccess,
    ReferenceById? DocumentStartNode,
    IReadOnlyList<Guid>? StartNodeKeys,
    IReadOnlyList<DocumentPermissionModel>? Permissions);
