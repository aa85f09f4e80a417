using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Portal.Core.Text;

namespace Portal.Web.Features.SignIn;

// Forms posted by the backoffice pages (public: MVC binds action parameters) and the models of their views.

public sealed class SignInForm
{
    public string? Email { get; set; }
    public string? Password { get; set; }
    public string? ReturnUrl { get; set; }
}

public sealed class CodeForm
{
    public string? Code { get; set; }
    public string? ReturnUrl { get; set; }
}

public sealed class PasswordForm
{
    public string? Password { get; set; }
}

/// <summary>A message in the error summary; <see cref="FieldId"/> is the input it links to.</summary>
internal sealed record FormError(string FieldId, string Message);

internal sealed record SignInPage(string Email, string? ReturnUrl, IReadOnlyList<FormError> Errors, string? Notice = null);

internal sealed record SecondFactorPage(string? ReturnUrl, IReadOnlyList<FormError> Errors);

internal sealed record TwoFactorPage(TwoFactorState State, IReadOnlyList<FormError> Errors, string? Notice = null);

internal sealed record RecoveryCodesPage(IReadOnlyList<string> Codes);

internal sealed record MessagePage(string Title, string Message, string LinkUrl = BackofficePaths.SignIn, string LinkText = "Về trang đăng nhập");

/// <summary>Every message the sign-in pages show for an outcome, in one place.</summary>
internal static class SignInMessages
{
    public const string WrongCredentials = "Thư điện tử hoặc mật khẩu không đúng.";
    public const string WrongCode = "Mã xác thực không đúng. Hãy nhập mã đang hiện trong ứng dụng, hoặc một mã khôi phục chưa dùng.";
    public const string SecondStepExpired = "Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.";
    public const string SignedOut = "Bạn đã đăng xuất.";
    public const string EmailRequired = "Nhập thư điện tử.";
    public const string PasswordRequired = "Nhập mật khẩu.";
    public const string CodeRequired = "Nhập mã xác thực.";

    public static string For(SignInOutcome outcome) => outcome.Status switch
    {
        SignInStatus.LockedOut => LockedOut(outcome.LockedUntil),
        SignInStatus.WrongCode => WrongCode,
        SignInStatus.SecondStepExpired => SecondStepExpired,
        _ => WrongCredentials,
    };

    public static string For(TwoFactorChangeStatus status, DateTimeOffset? lockedUntil = null) => status switch
    {
        TwoFactorChangeStatus.WrongCode => "Mã xác thực không đúng. Kiểm tra giờ trên điện thoại rồi nhập mã đang hiện trong ứng dụng.",
        TwoFactorChangeStatus.WrongPassword => "Mật khẩu không đúng.",
        TwoFactorChangeStatus.LockedOut => LockedOut(lockedUntil),
        _ => string.Empty,
    };

    /// <summary>When to try again, in Vietnam time, without saying anything about the account itself.</summary>
    public static string LockedOut(DateTimeOffset? until) => until is { } end
        ? "Tài khoản tạm thời bị khóa vì đăng nhập sai quá nhiều lần. Vui lòng thử lại sau "
          + VietnamTime.FromUtc(end.UtcDateTime).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) + " (giờ Việt Nam)."
        : "Tài khoản tạm thời bị khóa vì đăng nhập sai quá nhiều lần. Vui lòng thử lại sau.";
}

/// <summary>Pages rendered outside a controller: the rate limiter's refusal.</summary>
internal static class BackofficeMessages
{
    public const string MessageView = "~/Features/SignIn/Views/Message.cshtml";

    public static Task TooManyAttemptsAsync(HttpContext http)
    {
        http.Response.Headers.RetryAfter = "60";
        return RenderAsync(http, StatusCodes.Status429TooManyRequests, new MessagePage("Quá nhiều lần thử",
            "Có quá nhiều lần đăng nhập từ địa chỉ của bạn trong thời gian ngắn. Vui lòng đợi một phút rồi thử lại."));
    }

    public static async Task RenderAsync(HttpContext http, int statusCode, MessagePage page)
    {
        http.Response.StatusCode = statusCode;
        BackofficePageAttribute.AddHeaders(http.Response);
        var metadata = http.RequestServices.GetRequiredService<IModelMetadataProvider>();
        var view = new ViewResult
        {
            ViewName = MessageView,
            StatusCode = statusCode,
            ViewData = new ViewDataDictionary<MessagePage>(metadata, new ModelStateDictionary()) { Model = page },
        };
        await view.ExecuteResultAsync(new ActionContext(http, http.GetRouteData(), new ActionDescriptor()));
    }
}
