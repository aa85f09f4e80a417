using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Portal.Core.Media;
using Portal.Infrastructure.Media;
using Portal.Infrastructure.Media.Imaging;

namespace Portal.Web.Features.Media;

/// <summary>
/// Image URLs at <c>/media/{folder}/{file}?width=…</c>, in Umbraco's grammar (<see cref="ImageCommands"/>). Anything without a
/// command, and every document, goes on to the static files untouched (a <c>?v=</c> or a tracking parameter changes nothing).
/// When <c>Umbraco:CMS:Imaging:HMACSecretKey</c> is set, a request with commands needs its <c>hmac</c> token, or it is answered
/// 403 before anything is read. An image too big to decode safely, or one that does not decode, is answered 422.
/// </summary>
internal sealed partial class MediaImageMiddleware(RequestDelegate next, MediaRoot root, ImageUrlSigner signer, ProcessedImageCache cache,
    ImagingSettings settings, ILogger<MediaImageMiddleware> logger)
{
    private readonly string cacheControl = $"public, max-age={(long)settings.Cache.BrowserMaxAge.TotalSeconds}";

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? string.Empty;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || !request.QueryString.HasValue
            || MediaFileRules.KindOf(path) is not { IsImage: true } || root.FileOf(path) is not { } file)
        {
            await next(context);
            return;
        }

        var commands = ImageCommands.Parse(QueryPairs(request.QueryString.Value!));
        if (!commands.HasCommands)
        {
            await next(context);
            return;
        }

        if (!signer.IsValid(path, commands, request.Query[ImageCommands.TokenKey].FirstOrDefault()))
        {
            LogBadToken(logger, path);
            await RefuseAsync(context, StatusCodes.Status403Forbidden, "Địa chỉ ảnh thiếu mã xác thực (hmac) hoặc mã không đúng.");
            return;
        }

        var answer = await cache.GetAsync(file, path, commands, context.RequestAborted);
        switch (answer.Status)
        {
            case ProcessedImageStatus.Ready:
                await SendAsync(context, answer.Image!, commands.CacheBuster is not null);
                return;
            case ProcessedImageStatus.TooManyPixels:
                await RefuseAsync(context, StatusCodes.Status422UnprocessableEntity,
                    "Ảnh quá lớn để xử lý an toàn; địa chỉ không kèm tham số sẽ trả về tệp gốc.");
                return;
            case ProcessedImageStatus.NotAnImage:
                await RefuseAsync(context, StatusCodes.Status422UnprocessableEntity, "Không đọc được tệp này như một ảnh.");
                return;
            default:
                // Nothing left to do after the limits, or no such file: the static files answer (the file itself, or 404).
                await next(context);
                return;
        }
    }

    /// <summary>The query's parameters in the order they were written, decoded, so further options keep their order.</summary>
    private static List<KeyValuePair<string, string>> QueryPairs(string queryString)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var pair in new QueryStringEnumerable(queryString))
        {
            pairs.Add(new KeyValuePair<string, string>(pair.DecodeName().ToString(), pair.DecodeValue().ToString()));
        }

        return pairs;
    }

    private async Task SendAsync(HttpContext context, ProcessedImage image, bool versioned)
    {
        var response = context.Response;
        var headers = response.Headers;
        headers[HeaderNames.XContentTypeOptions] = "nosniff";

        // A URL with v= changes when the media item does, so what it names never changes: Umbraco marks it immutable.
        headers[HeaderNames.CacheControl] = versioned ? cacheControl + ", immutable" : cacheControl;
        headers[HeaderNames.ETag] = image.ETag;
        headers[HeaderNames.LastModified] = image.LastModified.ToString("R");
        if (context.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == image.ETag || t.Trim() == "*")))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.ContentType = image.ContentType;
        response.ContentLength = image.Length;
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        await response.SendFileAsync(image.Path, context.RequestAborted);
    }

    /// <summary>A short plain-text reason, so the site's HTML error page is not sent where an image was expected.</summary>
    private static async Task RefuseAsync(HttpContext context, int status, string reason)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        response.Headers[HeaderNames.CacheControl] = "no-store";
        response.ContentType = "text/plain; charset=utf-8";
        await response.WriteAsync(reason, Encoding.UTF8, context.RequestAborted);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Image request {Path} refused: its hmac token is missing or wrong")]
    private static partial void LogBadToken(ILogger logger, string path);
}
