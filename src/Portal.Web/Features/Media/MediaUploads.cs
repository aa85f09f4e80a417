using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Portal.Core.Media;

namespace Portal.Web.Features.Media;

/// <summary>
/// The request limits of an upload to the media library, sized to <see cref="MediaLibrary.MaxUploadBytes"/>, for every door
/// an upload comes through (Management API, backoffice forms). Kestrel refuses bodies over 30 MB and the form reader
/// sections over 128 MB by default; neither knows the library's limit.
/// </summary>
internal static class MediaUploadLimits
{
    // Room for the multipart boundaries and the small text fields around the file.
    private const long FormOverheadBytes = 1024 * 1024;

    public static long RequestLimit(long maxUploadBytes) => maxUploadBytes + FormOverheadBytes;

    /// <summary>Whether the body announces more than an upload may be; such a body is refused before a byte of it is read.</summary>
    public static bool AnnouncedTooLarge(HttpRequest request, long maxUploadBytes) => request.ContentLength > RequestLimit(maxUploadBytes);

    /// <summary>
    /// Raises Kestrel's body limit of this request to the library's, so a body that grows past it without announcing its
    /// length is still stopped, and answers the form reader's options with the same limit.
    /// </summary>
    public static FormOptions Apply(HttpContext http, long maxUploadBytes)
    {
        var limit = RequestLimit(maxUploadBytes);
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit;
        }

        return new FormOptions { MultipartBodyLengthLimit = limit };
    }

    /// <summary>A size in megabytes as Vietnamese write it: <c>50</c>, <c>0,06</c>.</summary>
    public static string Megabytes(long bytes) => (bytes / (1024d * 1024d)).ToString("0.##", Vietnamese);

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
}

/// <summary>What a person reads for each outcome of the media library, whichever door they came through.</summary>
internal static class MediaMessages
{
    /// <summary>Core's message for the status; a file too large also says what the limit is.</summary>
    public static string For(MediaOperationStatus status, long maxUploadBytes) => status == MediaOperationStatus.FileTooLarge
        ? $"{status.ToVietnamese()} Giới hạn hiện tại: {MediaUploadLimits.Megabytes(maxUploadBytes)} MB."
        : status.ToVietnamese();

    /// <summary>The HTTP status a refusal is answered with, as a problem in the API or as the status of the page shown again.</summary>
    public static int StatusCodeOf(MediaOperationStatus status) => status switch
    {
        MediaOperationStatus.NotFound => StatusCodes.Status404NotFound,
        MediaOperationStatus.Forbidden => StatusCodes.Status403Forbidden,
        MediaOperationStatus.Conflict => StatusCodes.Status409Conflict,
        MediaOperationStatus.FileTooLarge => StatusCodes.Status413PayloadTooLarge,
        _ => StatusCodes.Status400BadRequest,
    };
}
