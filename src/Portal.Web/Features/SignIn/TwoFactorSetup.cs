using System.Text;
using Microsoft.AspNetCore.Identity;
using Portal.Core.Access;
using Portal.Data;
using Portal.Data.Audit;
using Portal.Data.Users;
using QRCoder;

namespace Portal.Web.Features.SignIn;

internal enum TwoFactorChangeStatus
{
    Done,
    WrongCode,
    WrongPassword,
    LockedOut,
}

/// <summary>What the two-step page shows: the key to add to an app while it is off, the codes left while it is on.</summary>
internal sealed record TwoFactorState(bool Enabled, string? SharedKey, string? QrCodeDataUri, int RecoveryCodesLeft);

/// <summary>
/// The optional second factor of a person's account: a TOTP app (RFC 6238, the key Identity keeps per user) plus ten
/// single-use recovery codes. Turning it on or off changes the security stamp, which signs out the person's other
/// browsers; this one is signed in again at once.
/// </summary>
internal sealed class TwoFactorSetup(UserManager<BackofficeUser> users, SignInManager<BackofficeUser> signIn, PortalDbContext db, TimeProvider clock)
{
    public const int RecoveryCodeCount = 10;

    /// <summary>The issuer an authenticator app lists the account under.</summary>
    public const string Issuer = "CCHC Kon Tum";

    public async Task<TwoFactorState> StateAsync(BackofficeUser user)
    {
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            return new TwoFactorState(true, null, null, await users.CountRecoveryCodesAsync(user));
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("Identity kept no authenticator key.");
        }

        return new TwoFactorState(false, Grouped(key), QrCodeDataUri(AuthenticatorUri(user.Email ?? user.UserName ?? string.Empty, key)), 0);
    }

    /// <summary>Turns the second factor on when the code proves the app holds the key; the recovery codes are shown once.</summary>
    public async Task<(TwoFactorChangeStatus Status, IReadOnlyList<string> RecoveryCodes)> EnableAsync(BackofficeUser user, string code, Actor actor,
        CancellationToken cancellationToken)
    {
        var compact = new string(code.Where(c => !char.IsWhiteSpace(c)).ToArray());
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, compact))
        {
            return (TwoFactorChangeStatus.WrongCode, []);
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        await signIn.RefreshSignInAsync(user);
        await AuditAsync(actor, user, AuditActions.TwoFactorEnabled, $"Ứng dụng xác thực, {codes.Count} mã khôi phục mới", cancellationToken);
        return (TwoFactorChangeStatus.Done, codes);
    }

    /// <summary>Turns the second factor off after the password is typed again; a wrong one counts toward the lock-out.</summary>
    public async Task<TwoFactorChangeStatus> DisableAsync(BackofficeUser user, string password, Actor actor, CancellationToken cancellationToken)
    {
        var check = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            return TwoFactorChangeStatus.LockedOut;
        }

        if (!check.Succeeded)
        {
            return TwoFactorChangeStatus.WrongPassword;
        }

        await users.SetTwoFactorEnabledAsync(user, false);

        // A new key, so an app set up before cannot serve when the factor is turned on again.
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        await AuditAsync(actor, user, AuditActions.TwoFactorDisabled, null, cancellationToken);
        return TwoFactorChangeStatus.Done;
    }

    /// <summary>The key in groups of four, as people copy it into an app by hand.</summary>
    public static string Grouped(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(i == 0 ? string.Empty : " ").Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }

        return text.ToString().ToLowerInvariant();
    }

    /// <summary>The Key Uri Format authenticator apps read from the QR code.</summary>
    public static string AuthenticatorUri(string account, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(account)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";

    private static string QrCodeDataUri(string text)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.Q);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }

    private async Task AuditAsync(Actor actor, BackofficeUser user, string action, string? note, CancellationToken cancellationToken)
    {
        db.AuditLog.Add(new AuditEntry(actor, AuditEntityTypes.User, user.Id, action, clock.GetUtcNow().UtcDateTime, note));
        await db.SaveChangesAsync(cancellationToken);
    }
}
