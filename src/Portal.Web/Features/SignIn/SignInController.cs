using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Portal.Data.Users;

namespace Portal.Web.Features.SignIn;

/// <summary>
/// Sign-in for persons at <c>/umbraco/dang-nhap</c>: e-mail and password, then the code of the second factor when the
/// account has one. API users never sign in here; they use client credentials at the token endpoint.
/// </summary>
[BackofficePage]
public sealed class SignInController : Controller
{
    private const string SignInView = "~/Features/SignIn/Views/SignIn.cshtml";
    private const string SecondFactorView = "~/Features/SignIn/Views/SecondFactor.cshtml";

    [HttpGet(BackofficePaths.SignIn)]
    public async Task<IActionResult> Show(string? returnUrl, [FromQuery(Name = "thong-bao")] string? notice)
    {
        if ((await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme)).Succeeded)
        {
            return LocalRedirect(BackofficePaths.SafeReturn(returnUrl));
        }

        var message = notice switch
        {
            "da-dang-xuat" => SignInMessages.SignedOut,
            "het-han" => SignInMessages.SecondStepExpired,
            _ => null,
        };
        return View(SignInView, new SignInPage(string.Empty, returnUrl, [], message));
    }

    [HttpPost(BackofficePaths.SignIn)]
    [ValidateAntiForgeryToken]
    [EnableRateLimiting(SignInRegistration.RateLimitPolicy)]
    public async Task<IActionResult> Submit([FromForm] SignInForm form, CancellationToken cancellationToken)
    {
        var email = form.Email?.Trim() ?? string.Empty;
        var errors = new List<FormError>();
        if (email.Length == 0)
        {
            errors.Add(new FormError("email", SignInMessages.EmailRequired));
        }

        if (string.IsNullOrEmpty(form.Password))
        {
            errors.Add(new FormError("password", SignInMessages.PasswordRequired));
        }

        if (errors.Count > 0)
        {
            return View(SignInView, new SignInPage(email, form.ReturnUrl, errors));
        }

        var outcome = await Attempts.PasswordAsync(email, form.Password!, IpAddress, cancellationToken);
        return outcome.Status switch
        {
            SignInStatus.SignedIn => LocalRedirect(BackofficePaths.SafeReturn(form.ReturnUrl)),
            SignInStatus.RequiresSecondFactor => LocalRedirect(WithReturn(BackofficePaths.SecondFactor, form.ReturnUrl)),
            _ => View(SignInView, new SignInPage(email, form.ReturnUrl, [new FormError("email", SignInMessages.For(outcome))])),
        };
    }

    [HttpGet(BackofficePaths.SecondFactor)]
    public async Task<IActionResult> ShowCode(string? returnUrl, [FromServices] SignInManager<BackofficeUser> manager)
    {
        if (await manager.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return LocalRedirect(BackofficePaths.SignIn + "?thong-bao=het-han");
        }

        return View(SecondFactorView, new SecondFactorPage(returnUrl, []));
    }

    [HttpPost(BackofficePaths.SecondFactor)]
    [ValidateAntiForgeryToken]
    [EnableRateLimiting(SignInRegistration.RateLimitPolicy)]
    public async Task<IActionResult> SubmitCode([FromForm] CodeForm form, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(form.Code))
        {
            return View(SecondFactorView, new SecondFactorPage(form.ReturnUrl, [new FormError("code", SignInMessages.CodeRequired)]));
        }

        var outcome = await Attempts.SecondFactorAsync(form.Code, IpAddress, cancellationToken);
        return outcome.Status switch
        {
            SignInStatus.SignedIn => LocalRedirect(BackofficePaths.SafeReturn(form.ReturnUrl)),
            SignInStatus.SecondStepExpired => LocalRedirect(BackofficePaths.SignIn + "?thong-bao=het-han"),
            _ => View(SecondFactorView, new SecondFactorPage(form.ReturnUrl, [new FormError("code", SignInMessages.For(outcome))])),
        };
    }

    [HttpPost(BackofficePaths.SignOut)]
    [Authorize(AuthenticationSchemes = BackofficeAuthentication.Scheme)]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Leave(CancellationToken cancellationToken)
    {
        var user = await HttpContext.RequestServices.GetRequiredService<UserManager<BackofficeUser>>().GetUserAsync(User);
        await Attempts.SignOutAsync(user, IpAddress, cancellationToken);
        return LocalRedirect(BackofficePaths.SignIn + "?thong-bao=da-dang-xuat");
    }

    // The feature's services are internal, which a public controller cannot take in its constructor.
    private BackofficeSignIn Attempts => HttpContext.RequestServices.GetRequiredService<BackofficeSignIn>();

    private string? IpAddress => HttpContext.Connection.RemoteIpAddress?.ToString();

    private static string WithReturn(string path, string? returnUrl) =>
        BackofficePaths.SafeReturn(returnUrl) is var safe && safe != BackofficePaths.Root
            ? path + "?returnUrl=" + Uri.EscapeDataString(safe)
            : path;
}

internal static class BackofficeAuthentication
{
    /// <summary>Identity's application cookie; <see cref="IdentityConstants.ApplicationScheme"/> is not a constant, attributes need one.</summary>
    public const string Scheme = "Identity.Application";
}
