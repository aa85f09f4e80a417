using Portal.Core.Media;
using Portal.Web.Features.Media;

namespace Portal.Web.Features.Management.Media;

/// <summary>Every expected media failure, mapped once to ProblemDetails with the Vietnamese message as detail.</summary>
internal static class MediaProblems
{
    public static IResult For(MediaOperationStatus status, long maxUploadBytes) => TypedResults.Problem(
        statusCode: MediaMessages.StatusCodeOf(status),
        title: status.ToString(),
        detail: MediaMessages.For(status, maxUploadBytes));
}
