using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Access;
using Portal.Data.Users;
using Portal.Web.Features.Access;

namespace Portal.Web.Features.SignIn;

/// <summary>
/// The signed-in person's own pages: the second factor. A person locked out or removed since signing in is signed out on the next request.
/// </summary>
[BackofficePage]
[Authorize(AuthenticationSchemes = BackofficeAuthentication.Scheme)]
public sealed class AccountController : Controller
{
    private const string TwoFactorView = "~/Features/SignIn/Views/TwoFactor.cshtml";
    private const string RecoveryCodesView = "~/Features/SignIn/Views/RecoveryCodes.cshtml";

    [HttpGet(BackofficePaths.TwoFactor)]
    public async Task<IActionResult> TwoFactor(CancellationToken cancellationToken)
    {
        if (await SignedInAsync(cancellationToken) is not ({ } user, _))
        {
            return await SignOutGoneAsync(cancellationToken);
        }

        return View(TwoFactorView, new TwoFactorPage(await Setup.StateAsync(user), []));
    }

    [HttpPost(BackofficePaths.TwoFactorEnable)]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> EnableTwoFactor([FromForm] CodeForm form, CancellationToken cancellationToken)
    {
        if (await SignedInAsync(cancellationToken) is not ({ } user, { } actor))
        {
            return await SignOutGoneAsync(cancellationToken);
        }

        if (string.IsNullOrWhiteSpace(form.Code))
        {
            return View(TwoFactorView, new TwoFactorPage(await Setup.StateAsync(user), [new FormError("code", SignInMessages.CodeRequired)]));
        }

        var (status, codes) = await Setup.EnableAsync(user, form.Code, actor, cancellationToken);
        return status == TwoFactorChangeStatus.Done
            ? View(RecoveryCodesView, new RecoveryCodesPage(codes))
            : View(TwoFactorView, new TwoFactorPage(await Setup.StateAsync(user), [new FormError("code", SignInMessages.For(status))]));
    }

    [HttpPost(BackofficePaths.TwoFactorDisable)]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> DisableTwoFactor([FromForm] PasswordForm form, CancellationToken cancellationToken)
    {
        if (await SignedInAsync(cancellationToken) is not ({ } user, { } actor))
        {
            return await SignOutGoneAsync(cancellationToken);
        }

        if (string.IsNullOrEmpty(form.Password))
        {
            return View(TwoFactorView, new TwoFactorPage(await Setup.StateAsync(user), [new FormError("password", SignInMessages.PasswordRequired)]));
        }

        var status = await Setup.DisableAsync(user, form.Password, actor, cancellationToken);
        switch (status)
        {
            case TwoFactorChangeStatus.Done:
                return View(TwoFactorView, new TwoFactorPage(await Setup.StateAsync(user), [], "Đã tắt xác thực hai bước."));
            case TwoFactorChangeStatus.LockedOut:
                var message = SignInMessages.For(status, await Users.GetLockoutEndDateAsync(user));
                await Attempts.SignOutAsync(null, null, cancellationToken);
                return View(BackofficeMessages.MessageView, new MessagePage("Tài khoản tạm thời bị khóa", message));
            default:
                return View(TwoFactorView, new TwoFactorPage(await Setup.StateAsync(user), [new FormError("password", SignInMessages.For(status))]));
        }
    }

    // The feature's services are internal, which a public controller cannot take in its constructor.
    private TwoFactorSetup Setup => HttpContext.RequestServices.GetRequiredService<TwoFactorSetup>();

    private BackofficeSignIn Attempts => HttpContext.RequestServices.GetRequiredService<BackofficeSignIn>();

    private UserManager<BackofficeUser> Users => HttpContext.RequestServices.GetRequiredService<UserManager<BackofficeUser>>();

    /// <summary>The person behind the cookie, or null when they were locked out or removed after signing in.</summary>
    private async Task<(BackofficeUser User, Actor Actor)?> SignedInAsync(CancellationToken cancellationToken)
    {
        var actor = await HttpContext.RequestServices.GetRequiredService<ActorResolver>().ResolveAsync(HttpContext, cancellationToken);
        var user = actor is null ? null : await Users.GetUserAsync(User);
        return user is { Kind: UserKind.Person } && actor is not null ? (user, actor) : null;
    }

    private async Task<IActionResult> SignOutGoneAsync(CancellationToken cancellationToken)
    {
        await Attempts.SignOutAsync(null, null, cancellationToken);
        return LocalRedirect(BackofficePaths.SignIn);
    }
}
