using System.Globalization;
using Portal.Core.Media;

namespace Portal.Web.Features.Management.Media;

/// <summary>Every expected media failure, mapped once to ProblemDetails with the Vietnamese message as detail.</summary>
internal static class MediaProblems
{
    public static IResult For(MediaOperationStatus status, long maxUploadBytes) => TypedResults.Problem(
        statusCode: StatusOf(status),
        title: status.ToString(),
        detail: status == MediaOperationStatus.FileTooLarge
            ? $"{status.ToVietnamese()} Giới hạn hiện tại: {Megabytes(maxUploadBytes)} MB."
            : status.ToVietnamese());

    public static int StatusOf(MediaOperationStatus status) => status switch
    {
        MediaOperationStatus.NotFound => StatusCodes.Status404NotFound,
        MediaOperationStatus.Forbidden => StatusCodes.Status403Forbidden,
        MediaOperationStatus.Conflict => StatusCodes.Status409Conflict,
        MediaOperationStatus.FileTooLarge => StatusCodes.Status413PayloadTooLarge,
        _ => StatusCodes.Status400BadRequest,
    };

    private static string Megabytes(long bytes) =>
        (bytes / (1024d * 1024d)).ToString("0.##", CultureInfo.GetCultureInfo("vi-VN"));
}
