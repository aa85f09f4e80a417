using Portal.Infrastructure.Delivery;

namespace Portal.Web.Features.Delivery;

/// <summary>Expected Delivery API failures, each mapped once to the ProblemDetails Umbraco returns for it.</summary>
internal static class DeliveryProblems
{
    public static IResult For(ContentQueryStatus status) => status switch
    {
        ContentQueryStatus.FilterOptionNotFound => BadRequest("Filter option not found", "One of the attempted 'filter' options does not exist"),
        ContentQueryStatus.SelectorOptionNotFound => BadRequest("Selector option not found", "The attempted 'fetch' option does not exist"),
        ContentQueryStatus.SortOptionNotFound => BadRequest("Sort option not found", "One of the attempted 'sort' options does not exist"),
        _ => BadRequest("Unknown content query status", null),
    };

    public static IResult NotFound() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound);

    public static IResult StartItemNotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Start item not found",
            detail: "The 'Start-Item' header names no published root document");

    public static IResult Unauthorized() => TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized);

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult BadRequest(string title, string? detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: title, detail: detail);
}
