using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Portal.Core.Access;
using Portal.Web.Features.Access;
using Portal.Web.Features.SignIn;

namespace Portal.Web.Features.Backoffice.Shell;

/// <summary>Where each section lives; the navigation shows only the sections the user's groups allow.</summary>
internal static class BackofficeSections
{
    public static string PathOf(string section) => section switch
    {
        Section.Content => "/umbraco/noi-dung",
        Section.Directives => "/umbraco/chi-dao-dieu-hanh",
        Section.Column => "/umbraco/chuyen-trang-cchc",
        Section.Procedures => "/umbraco/thu-tuc-hanh-chinh",
        Section.Forum => "/umbraco/dien-dan",
        Section.Media => "/umbraco/media",
        Section.Reports => "/umbraco/bao-cao",
        Section.Users => "/umbraco/nguoi-dung",
        Section.Settings => "/umbraco/cai-dat",
        _ => BackofficePaths.Root,
    };
}

/// <summary>What the layout needs on every backoffice page: who is signed in, their sections, and which one is open.</summary>
internal sealed record BackofficeFrame(Actor Actor, IReadOnlyList<string> Sections, string? ActiveSection)
{
    private static readonly object ItemKey = new();

    public static BackofficeFrame? Of(HttpContext http) => http.Items.TryGetValue(ItemKey, out var frame) ? (BackofficeFrame?)frame : null;

    public void Attach(HttpContext http) => http.Items[ItemKey] = this;
}

/// <summary>
/// Opens a backoffice page only for a signed-in person whose groups allow the section: anyone else signed in gets the
/// Vietnamese 403 page; a session whose user was locked out or removed goes back to sign-in. Content permissions
/// are still checked by Core for every verb; this is only the door of the section.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
internal sealed class BackofficeSectionAttribute(string? section) : Attribute, IAsyncActionFilter
{
    public string? Section { get; } = section;

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var http = context.HttpContext;
        var actor = await http.RequestServices.GetRequiredService<ActorResolver>().ResolveAsync(http, http.RequestAborted);
        if (actor is null || actor.UserKey is null)
        {
            await http.RequestServices.GetRequiredService<BackofficeSignIn>().SignOutAsync(null, null, http.RequestAborted);
            context.Result = new LocalRedirectResult(BackofficePaths.SignIn + "?returnUrl=" + Uri.EscapeDataString(http.Request.Path + http.Request.QueryString));
            return;
        }

        var sections = Core.Access.Section.All.Where(actor.AllowsSection).ToList();
        new BackofficeFrame(actor, sections, Section).Attach(http);
        if (Section is not null && !actor.AllowsSection(Section))
        {
            context.Result = BackofficeResults.Denied();
            return;
        }

        await next();
    }
}

/// <summary>Every backoffice controller: signed-in persons only, never cached, with the frame for the layout.</summary>
[BackofficePage]
[Authorize(AuthenticationSchemes = BackofficeAuthentication.Scheme)]
public abstract class BackofficeController : Controller
{
    private protected Actor Actor => BackofficeFrame.Of(HttpContext)?.Actor
        ?? throw new InvalidOperationException("A backoffice action ran without its section filter.");

    private protected string? IpAddress => HttpContext.Connection.RemoteIpAddress?.ToString();

    private protected T Service<T>() where T : notnull => HttpContext.RequestServices.GetRequiredService<T>();
}

/// <summary>The pages every section answers with when a request cannot be served.</summary>
internal static class BackofficeResults
{
    public const string MessageView = "~/Features/Backoffice/Views/Message.cshtml";

    public static ViewResult Denied() => Message(StatusCodes.Status403Forbidden, "Không có quyền truy cập",
        "Tài khoản của bạn không được phép mở trang này. Nếu bạn cần quyền này, hãy liên hệ quản trị hệ thống.");

    public static ViewResult Missing() => Message(StatusCodes.Status404NotFound, "Không tìm thấy",
        "Trang bạn tìm không còn tồn tại hoặc đã bị xóa hẳn.");

    public static ViewResult Message(int statusCode, string title, string message) => new()
    {
        ViewName = MessageView,
        StatusCode = statusCode,
        ViewData = new Microsoft.AspNetCore.Mvc.ViewFeatures.ViewDataDictionary<BackofficeMessage>(
            new Microsoft.AspNetCore.Mvc.ModelBinding.EmptyModelMetadataProvider(), new Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary())
        {
            Model = new BackofficeMessage(title, message),
        },
    };
}

internal sealed record BackofficeMessage(string Title, string Message);

/// <summary>Editors type Vietnamese wall-clock time into <c>datetime-local</c> inputs; the workflow keeps UTC.</summary>
internal static class LocalTimeInput
{
    private static readonly string[] Formats = ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"];

    /// <summary>True with null for an empty input; false when the text is not a date and time.</summary>
    public static bool TryRead(string? input, out DateTime? utc)
    {
        utc = null;
        if (string.IsNullOrWhiteSpace(input))
        {
            return true;
        }

        if (!DateTime.TryParseExact(input, Formats, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None,
            out var local))
        {
            return false;
        }

        utc = Core.Text.VietnamTime.ToUtc(local);
        return true;
    }
}
