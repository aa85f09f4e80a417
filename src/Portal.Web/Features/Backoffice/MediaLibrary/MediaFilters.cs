using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Net.Http.Headers;
using Portal.Core.Media;
using Portal.Web.Features.Backoffice.Shell;
using Portal.Web.Features.Media;
using Library = Portal.Core.Media.MediaLibrary;

namespace Portal.Web.Features.Backoffice.MediaLibrary;

/// <summary>
/// Reads an upload form under the media library's limits. It must run before <c>[ValidateAntiForgeryToken]</c>, which
/// reads the whole form to find its token: under Kestrel's default 30 MB limit a large but allowed upload would fail there
/// as a "stale form". A body announced as larger than any allowed upload is refused before it is read.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class MediaUploadFormAttribute : Attribute, IAuthorizationFilter, IOrderedFilter
{
    // The anti-forgery filter's order is 1000; cookie authorization (0) still comes first.
    public int Order => 900;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        var maxUploadBytes = http.RequestServices.GetRequiredService<Library>().MaxUploadBytes;
        if (MediaUploadLimits.AnnouncedTooLarge(http.Request, maxUploadBytes))
        {
            context.Result = BackofficeResults.Message(StatusCodes.Status413PayloadTooLarge, "Tệp quá lớn",
                MediaMessages.For(MediaOperationStatus.FileTooLarge, maxUploadBytes) + " Hãy quay lại trang trước và chọn tệp nhỏ hơn.");
            return;
        }

        var options = MediaUploadLimits.Apply(http, maxUploadBytes);
        if (http.Features.Get<IFormFeature>() is not { Form: not null })
        {
            http.Features.Set<IFormFeature>(new FormFeature(http.Request, options));
        }
    }
}

/// <summary>
/// Lets the picker be shown in a frame of the backoffice's own pages (a dialog in the content editor); every other
/// backoffice page refuses to be framed at all.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class SameOriginFramesAttribute : Attribute, IAlwaysRunResultFilter
{
    // Runs after the controller's BackofficePage filter (action filters come later), so its headers win.
    public void OnResultExecuting(ResultExecutingContext context)
    {
        var headers = context.HttpContext.Response.Headers;
        headers[HeaderNames.XFrameOptions] = "SAMEORIGIN";
        headers[HeaderNames.ContentSecurityPolicy] = "frame-ancestors 'self'";
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
