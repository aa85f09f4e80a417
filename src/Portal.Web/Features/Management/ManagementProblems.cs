using Portal.Core.Schema;
using Portal.Core.Workflow;

namespace Portal.Web.Features.Management;

/// <summary>Every expected Management API failure, mapped once to ProblemDetails with the Vietnamese message as detail.</summary>
internal static class ManagementProblems
{
    public static IResult For(ContentOperationResult result) =>
        result.Status == ContentOperationStatus.ValidationFailed
            ? TypedResults.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Validation failed",
                Detail = result.Status.ToVietnamese(),
                Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
                Extensions = { ["errors"] = Errors(result.Errors) },
            })
            : For(result.Status);

    public static IResult For(ContentOperationStatus status) => TypedResults.Problem(
        statusCode: StatusOf(status),
        title: status.ToString(),
        detail: status.ToVietnamese());

    public static int StatusOf(ContentOperationStatus status) => status switch
    {
        ContentOperationStatus.NotFound or ContentOperationStatus.EditionNotFound => StatusCodes.Status404NotFound,
        ContentOperationStatus.Forbidden => StatusCodes.Status403Forbidden,
        ContentOperationStatus.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>A refusal of the user and user-group endpoints; <paramref name="detail"/> names what was wrong when it helps.</summary>
    public static IResult For(Users.UserAdministrationStatus status, string? detail = null) => TypedResults.Problem(
        statusCode: Users.UserAdministrationStatusNames.StatusCode(status),
        title: status.ToString(),
        detail: detail is null ? Users.UserAdministrationStatusNames.ToVietnamese(status) : $"{Users.UserAdministrationStatusNames.ToVietnamese(status)} {detail}");

    public static IResult Unauthorized() => TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
        detail: "Cần mã truy cập hợp lệ (Bearer) của một người dùng còn hoạt động.");

    public static IResult Forbidden() => For(ContentOperationStatus.Forbidden);

    public static IResult NotFound() => For(ContentOperationStatus.NotFound);

    public static IResult BadRequest(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: title, detail: detail);

    private static Dictionary<string, string[]> Errors(IReadOnlyList<FieldError>? errors) =>
        (errors ?? []).GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
}
