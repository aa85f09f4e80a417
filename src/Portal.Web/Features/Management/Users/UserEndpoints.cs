using Portal.Core.Access;

namespace Portal.Web.Features.Management.Users;

/// <summary>
/// Umbraco 17's user and user-group endpoints, for actors whose groups open the Users section; Portal adds
/// <c>POST /user/{id}/revoke-sessions</c>. Expected refusals go through <see cref="ManagementProblems"/>.
/// </summary>
internal static class UserEndpoints
{
    public static IServiceCollection AddUserManagement(this IServiceCollection services)
    {
        services.AddScoped<UserAdministration>();
        services.AddScoped<UserGroupAdministration>();
        services.AddScoped<ApiClients.ApiUserAdministration>();
        return services;
    }

    public static RouteGroupBuilder MapUserEndpoints(this RouteGroupBuilder group)
    {
        var user = group.MapGroup("/user").WithTags("User");
        user.MapGet("/", ListAsync).WithName("GetUser").WithSummary("Users, by user name, paged.").Produces<Documents.PagedResponse<UserResponse>>();
        user.MapGet("/{id:guid}", GetAsync).WithName("GetUserById").Produces<UserResponse>();
        user.MapPost("/", CreateAsync).WithName("PostUser")
            .WithSummary("Creates a person; the 201 body carries their one-time password (Umbraco e-mails an invitation instead).")
            .Accepts<CreateUserRequest>("application/json").Produces<CreateUserResponse>(StatusCodes.Status201Created);
        user.MapPost("/set-user-groups", SetGroupsAsync).WithName("PostUserSetUserGroups")
            .WithSummary("Puts each listed user in exactly the listed groups.").Accepts<SetUserGroupsRequest>("application/json");
        user.MapPost("/unlock", UnlockAsync).WithName("PostUserUnlock")
            .WithSummary("Ends the lock-out of the listed users and clears their failed sign-ins.").Accepts<UserIdsRequest>("application/json");
        user.MapPost("/{id:guid}/revoke-sessions", RevokeSessionsAsync).WithName("PostUserRevokeSessions")
            .WithSummary("Portal: signs the person out of every browser (a new security stamp).");

        var userGroup = group.MapGroup("/user-group").WithTags("User Group");
        userGroup.MapGet("/", ListGroupsAsync).WithName("GetUserGroup").WithSummary("User groups, by alias, paged.")
            .Produces<Documents.PagedResponse<UserGroupResponse>>();
        userGroup.MapGet("/{id:guid}", GetGroupAsync).WithName("GetUserGroupById").Produces<UserGroupResponse>();
        userGroup.MapPost("/", CreateGroupAsync).WithName("PostUserGroup").Accepts<UserGroupRequest>("application/json")
            .Produces(StatusCodes.Status201Created);
        userGroup.MapPut("/{id:guid}", UpdateGroupAsync).WithName("PutUserGroupById")
            .WithSummary("Changes name, sections, permissions and start nodes; the alias stays.").Accepts<UserGroupRequest>("application/json");
        return group;
    }

    private static async Task<IResult> ListAsync(HttpContext http, UserAdministration users)
    {
        var (refused, _) = await UsersSectionActorAsync(http);
        if (refused is not null)
        {
            return refused;
        }

        return ManagementRequests.TryPaging(http, 100, out var skip, out var take, out var problem)
            ? TypedResults.Ok(await users.PageAsync(skip, take, groupKey: null, http.RequestAborted))
            : problem!;
    }

    private static async Task<IResult> GetAsync(HttpContext http, Guid id, UserAdministration users)
    {
        var (refused, _) = await UsersSectionActorAsync(http);
        if (refused is not null)
        {
            return refused;
        }

        return await users.FindAsync(id, http.RequestAborted) is { } found
            ? TypedResults.Ok(found)
            : ManagementProblems.For(UserAdministrationStatus.NotFound);
    }

    private static async Task<IResult> CreateAsync(HttpContext http, UserAdministration users)
    {
        var (refused, actor) = await UsersSectionActorAsync(http);
        if (refused is not null)
        {
            return refused;
        }

        var (body, malformed) = await ManagementRequests.ReadAsync<CreateUserRequest>(http);
        if (body is null)
        {
            return malformed!;
        }

        var (status, id, password, detail) = await users.CreateAsync(body, actor!, http.RequestAborted);
        if (status != UserAdministrationStatus.Success)
        {
            return ManagementProblems.For(status, detail);
        }

        http.Response.Headers["Umb-Generated-Resource"] = id.ToString();
        return TypedResults.Created($"{ManagementApi.BasePath}/user/{id}", new CreateUserResponse(password!));
    }

    private static async Task<IResult> SetGroupsAsync(HttpContext http, UserAdministration users)
    {
        var (refused, actor) = await UsersSectionActorAsync(http);
        if (refused is not null)
        {
            return refused;
        }

        var (body, malformed) = await ManagementRequests.ReadAsync<SetUserGroupsRequest>(http);
        if (body is null)
        {
            return malformed!;
        }

        var status = await users.SetGroupsAsync(Ids(body.UserIds), Ids(body.UserGroupIds), actor!, http.RequestAborted);
        return status == UserAdministrationStatus.Success ? TypedResults.Ok() : ManagementProblems.For(status);
    }

    private static async Task<IResult> UnlockAsync(HttpContext http, UserAdministration users)
    {
        var (refused, actor) = await UsersSectionActorAsync(http);
        if (refused is not null)
        {
            return refused;
        }

        var (body, malformed) = await ManagementRequests.ReadAsync<UserIdsRequest>(http);
        if (body is null)
        {
            return malformed!;
        }

        var status = await users.UnlockAsync(Ids(body.UserIds), actor!, http.RequestAborted);
        return status == UserAdministrationStatus.Success ? TypedResults.Ok() : ManagementProblems.For(status);
    }

    private static async Task<IResult> RevokeSessionsAsync(HttpContext http, Guid id, UserAdministration users)
    {
        var (refused, actor) = await UsersSectionActorAsync(http);
        if (refused is not null)
        {
            return refused;
        }

        var status = await users.RevokeSessionsAsync(id, actor!, http.RequestAborted);
        return status == UserAdministrationStatus.Success ? TypedResults.Ok() : ManagementProblems.For(status);
    }

    private static async Task<IResult> ListGroupsAsync(HttpContext http, UserGroupAdministration groups)
    {
        var (refused, _) = await UsersSectionActorAsync(http);
        if (refused is not null)
        {
            return refused;
        }

        return ManagementRequests.TryPaging(http, 100, out var skip, out var take, out var problem)
            ? TypedResults.Ok(await groups.PageAsync(skip, take, http.RequestAborted))
            : problem!;
    }

    private static async Task<IResult> GetGroupAsync(HttpContext http, Guid id, UserGroupAdministration groups)
    {
        var (refused, _) = await UsersSectionActorAsync(http);
        if (refused is not null)
        {
            return refused;
        }

        return await groups.FindAsync(id, http.RequestAborted) is { } found
            ? TypedResults.Ok(found)
            : ManagementProblems.For(UserAdministrationStatus.UserGroupNotFound);
    }

    private static async Task<IResult> CreateGroupAsync(HttpContext http, UserGroupAdministration groups)
    {
        var (refused, actor) = await UsersSectionActorAsync(http);
        if (refused is not null)
        {
            return refused;
        }

        var (body, malformed) = await ManagementRequests.ReadAsync<UserGroupRequest>(http);
        if (body is null)
        {
            return malformed!;
        }

        var (status, id, detail) = await groups.CreateAsync(body, actor!, http.RequestAborted);
        if (status != UserAdministrationStatus.Success)
        {
            return ManagementProblems.For(status, detail);
        }

        http.Response.Headers["Umb-Generated-Resource"] = id.ToString();
        return TypedResults.Created($"{ManagementApi.BasePath}/user-group/{id}");
    }

    private static async Task<IResult> UpdateGroupAsync(HttpContext http, Guid id, UserGroupAdministration groups)
    {
        var (refused, actor) = await UsersSectionActorAsync(http);
        if (refused is not null)
        {
            return refused;
        }

        var (body, malformed) = await ManagementRequests.ReadAsync<UserGroupRequest>(http);
        if (body is null)
        {
            return malformed!;
        }

        var (status, detail) = await groups.UpdateAsync(id, body, actor!, http.RequestAborted);
        return status == UserAdministrationStatus.Success ? TypedResults.Ok() : ManagementProblems.For(status, detail);
    }

    /// <summary>The actor, or the answer to give instead: 401 without one, 403 when their groups do not open the Users section.</summary>
    private static async Task<(IResult? Refused, Actor? Actor)> UsersSectionActorAsync(HttpContext http) =>
        await ManagementApi.ActorFrom(http) switch
        {
            null => (ManagementProblems.Unauthorized(), null),
            { } actor when !actor.AllowsSection(Section.Users) => (ManagementProblems.For(UserAdministrationStatus.NeedsUsersSection), null),
            { } actor => (null, actor),
        };

    private static List<Guid> Ids(IReadOnlyList<Documents.ReferenceById>? references) =>
        (references ?? []).Select(r => r.Id).Distinct().ToList();
}
