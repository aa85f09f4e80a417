using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Net.Http.Headers;

namespace Portal.Web.Features.SignIn;

/// <summary>
/// What every backoffice page answers with: never cached or framed, and a Vietnamese page instead of a bare 400 when
/// a form's anti-forgery token is missing or stale.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class BackofficePageAttribute : Attribute, IAlwaysRunResultFilter
{
    public static void AddHeaders(HttpResponse response)
    {
        response.Headers[HeaderNames.CacheControl] = "no-store";
        response.Headers[HeaderNames.XFrameOptions] = "DENY";
        response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        response.Headers["Referrer-Policy"] = "same-origin";
    }

    public void OnResultExecuting(ResultExecutingContext context)
    {
        AddHeaders(context.HttpContext.Response);
        if (context.Result is IAntiforgeryValidationFailedResult)
        {
            var metadata = context.HttpContext.RequestServices.GetRequiredService<IModelMetadataProvider>();
            context.Result = new ViewResult
            {
                ViewName = BackofficeMessages.MessageView,
                StatusCode = StatusCodes.Status400BadRequest,
                ViewData = new ViewDataDictionary<MessagePage>(metadata, new ModelStateDictionary())
                {
                    Model = new MessagePage("Biểu mẫu đã hết hạn",
                        "Biểu mẫu bạn gửi đã hết hạn hoặc không hợp lệ. Vui lòng tải lại trang rồi thử lại."),
                },
            };
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
