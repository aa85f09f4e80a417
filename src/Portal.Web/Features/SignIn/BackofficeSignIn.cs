using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Access;
using Portal.Data;
using Portal.Data.Access;
using Portal.Data.Audit;
using Portal.Data.Users;

namespace Portal.Web.Features.SignIn;

internal enum SignInStatus
{
    SignedIn,
    RequiresSecondFactor,
    Failed,
    WrongCode,
    LockedOut,

    /// <summary>The second step was reached without a first one, or its five minutes ran out.</summary>
    SecondStepExpired,
}

/// <summary>What a sign-in step ended in; <see cref="LockedUntil"/> is set with <see cref="SignInStatus.LockedOut"/>.</summary>
internal readonly record struct SignInOutcome(SignInStatus Status, DateTimeOffset? LockedUntil = null)
{
    public static implicit operator SignInOutcome(SignInStatus status) => new(status);
}

/// <summary>
/// The one door for persons: password, then the second factor when the account has one. Every attempt is written to
/// the audit log. An e-mail that names no person (no account, or an API user) is answered exactly like a wrong
/// password, including a lock-out after the same number of failures, so the page never tells whether an account exists.
/// </summary>
internal sealed class BackofficeSignIn(SignInManager<BackofficeUser> signIn, UserManager<BackofficeUser> users, PortalDbContext db,
    UserGroupStore groups, IPasswordHasher<BackofficeUser> hasher, TimeProvider clock)
{
    /// <summary>Longer input is no e-mail address Identity would have stored (its column is 256 characters).</summary>
    public const int MaxEmailLength = 256;

    // A password is checked for an e-mail without an account as well, so both answers take about the same time.
    private static readonly Lazy<string> DecoyHash = new(() =>
        new PasswordHasher<BackofficeUser>().HashPassword(new BackofficeUser(), Guid.NewGuid().ToString()));

    public async Task<SignInOutcome> PasswordAsync(string email, string password, string? ipAddress, CancellationToken cancellationToken)
    {
        var attempted = email.Trim().ToLowerInvariant();
        var user = attempted.Length is > 0 and <= MaxEmailLength ? await users.FindByEmailAsync(attempted) : null;
        attempted = attempted.Length > MaxEmailLength ? attempted[..MaxEmailLength] : attempted;
        if (user is not { Kind: UserKind.Person })
        {
            return await NoSuchPersonAsync(attempted, password, ipAddress, cancellationToken);
        }

        var wasLockedOut = await users.IsLockedOutAsync(user);
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await AuditAsync(await ActorOfAsync(user, ipAddress, cancellationToken), user.Id, AuditActions.SignedIn, AuditNotes.Password, cancellationToken);
            return SignInStatus.SignedIn;
        }

        if (result.RequiresTwoFactor)
        {
            return SignInStatus.RequiresSecondFactor;
        }

        return await FailedAsync(user, attempted, wasLockedOut, result.IsLockedOut, ipAddress, cancellationToken);
    }

    public async Task<SignInOutcome> SecondFactorAsync(string code, string? ipAddress, CancellationToken cancellationToken)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return SignInStatus.SecondStepExpired;
        }

        var wasLockedOut = await users.IsLockedOutAsync(user);
        if (wasLockedOut)
        {
            // Checked here for both kinds of code: Identity's recovery-code sign-in does not look at the lock-out.
            return await FailedAsync(user, user.Email ?? string.Empty, wasLockedOut, isLockedOut: true, ipAddress, cancellationToken);
        }

        var compact = new string(code.Where(c => !char.IsWhiteSpace(c)).ToArray());
        var isAuthenticatorCode = compact.Length == 6 && compact.All(char.IsAsciiDigit);
        SignInResult result;
        if (isAuthenticatorCode)
        {
            result = await signIn.TwoFactorAuthenticatorSignInAsync(compact, isPersistent: false, rememberClient: false);
        }
        else
        {
            var failuresBefore = await users.GetAccessFailedCountAsync(user);
            result = await signIn.TwoFactorRecoveryCodeSignInAsync(RecoveryCode(compact));

            // A recovery code is a second factor like the other: guessing it must lead to the same lock-out.
            if (!result.Succeeded && !result.IsLockedOut && await users.GetAccessFailedCountAsync(user) == failuresBefore)
            {
                await users.AccessFailedAsync(user);
                result = await users.IsLockedOutAsync(user) ? SignInResult.LockedOut : result;
            }
        }

        if (result.Succeeded)
        {
            var how = isAuthenticatorCode
                ? AuditNotes.Authenticator
                : AuditNotes.RecoveryCode(await users.CountRecoveryCodesAsync(user));
            await AuditAsync(await ActorOfAsync(user, ipAddress, cancellationToken), user.Id, AuditActions.SignedIn, how, cancellationToken);
            return SignInStatus.SignedIn;
        }

        var outcome = await FailedAsync(user, user.Email ?? string.Empty, wasLockedOut, result.IsLockedOut, ipAddress, cancellationToken,
            AuditNotes.WrongCode);
        return outcome.Status == SignInStatus.Failed ? SignInStatus.WrongCode : outcome;
    }

    public async Task SignOutAsync(BackofficeUser? user, string? ipAddress, CancellationToken cancellationToken)
    {
        await signIn.SignOutAsync();
        if (user is not null)
        {
            await AuditAsync(await ActorOfAsync(user, ipAddress, cancellationToken), user.Id, AuditActions.SignedOut, null, cancellationToken);
        }
    }

    private async Task<SignInOutcome> FailedAsync(BackofficeUser user, string attempted, bool wasLockedOut, bool isLockedOut, string? ipAddress,
        CancellationToken cancellationToken, string? reason = null)
    {
        var anonymous = Actor.Anonymous(ipAddress);
        if (!isLockedOut)
        {
            await AuditAsync(anonymous, user.Id, AuditActions.SignInFailed, AuditNotes.Attempted(attempted, reason), cancellationToken);
            return SignInStatus.Failed;
        }

        await AuditAsync(anonymous, user.Id, wasLockedOut ? AuditActions.SignInFailed : AuditActions.LockedOut,
            AuditNotes.Attempted(attempted, wasLockedOut ? AuditNotes.WhileLockedOut : reason), cancellationToken);
        return new SignInOutcome(SignInStatus.LockedOut, await users.GetLockoutEndDateAsync(user));
    }

    /// <summary>
    /// Counts failures for an e-mail without a person behind it in the audit log, as Identity counts them on an
    /// account: the same number of failures locks it for the same time, so both answers read alike.
    /// </summary>
    private async Task<SignInOutcome> NoSuchPersonAsync(string attempted, string password, string? ipAddress, CancellationToken cancellationToken)
    {
        var lockout = users.Options.Lockout;
        var now = clock.GetUtcNow().UtcDateTime;
        var note = AuditNotes.Attempted(attempted);
        var since = now - TimeSpan.FromDays(1);
        var recent = await db.AuditLog.AsNoTracking()
            .Where(a => a.EntityType == AuditEntityTypes.User && a.EntityKey == null && a.Note == note && a.At >= since
                && (a.Action == AuditActions.SignInFailed || a.Action == AuditActions.LockedOut))
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Select(a => new { a.Action, a.At })
            .Take(lockout.MaxFailedAccessAttempts)
            .ToListAsync(cancellationToken);

        var anonymous = Actor.Anonymous(ipAddress);
        var lastLockout = recent.FirstOrDefault(a => a.Action == AuditActions.LockedOut);
        if (lastLockout is not null && lastLockout.At + lockout.DefaultLockoutTimeSpan > now)
        {
            await AuditAsync(anonymous, null, AuditActions.SignInFailed, AuditNotes.Attempted(attempted, AuditNotes.WhileLockedOut), cancellationToken);
            return new SignInOutcome(SignInStatus.LockedOut, new DateTimeOffset(lastLockout.At + lockout.DefaultLockoutTimeSpan, TimeSpan.Zero));
        }

        // Identity checks the password only when the account is not locked; so does the decoy.
        _ = hasher.VerifyHashedPassword(new BackofficeUser(), DecoyHash.Value, password);
        var failuresSinceLockout = recent.TakeWhile(a => a.Action == AuditActions.SignInFailed).Count() + 1;
        if (failuresSinceLockout < lockout.MaxFailedAccessAttempts)
        {
            await AuditAsync(anonymous, null, AuditActions.SignInFailed, note, cancellationToken);
            return SignInStatus.Failed;
        }

        await AuditAsync(anonymous, null, AuditActions.LockedOut, note, cancellationToken);
        return new SignInOutcome(SignInStatus.LockedOut, new DateTimeOffset(now + lockout.DefaultLockoutTimeSpan, TimeSpan.Zero));
    }

    private async Task<Actor> ActorOfAsync(BackofficeUser user, string? ipAddress, CancellationToken cancellationToken) =>
        Actor.User(user.Id, user.UserName ?? user.Id.ToString(), await groups.GroupsOfAsync(user.Id, cancellationToken), ipAddress);

    private async Task AuditAsync(Actor actor, Guid? userKey, string action, string? note, CancellationToken cancellationToken)
    {
        db.AuditLog.Add(new AuditEntry(actor, AuditEntityTypes.User, userKey, action, clock.GetUtcNow().UtcDateTime, note));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Identity stores recovery codes as <c>XXXXX-XXXXX</c>; people type them in any case, with or without the dash.</summary>
    private static string RecoveryCode(string typed)
    {
        var upper = typed.ToUpperInvariant();
        return upper.Length == 10 && !upper.Contains('-', StringComparison.Ordinal) ? upper[..5] + "-" + upper[5..] : upper;
    }
}

/// <summary>The notes sign-in entries carry in the audit log.</summary>
internal static class AuditNotes
{
    public const string Password = "Mật khẩu";
    public const string Authenticator = "Mật khẩu và mã từ ứng dụng xác thực";
    public const string WrongCode = "mã xác thực hai bước không đúng";
    public const string WhileLockedOut = "tài khoản đang tạm khóa";

    /// <summary>The e-mail someone typed: the only trace of who tried, since a failed attempt proves no identity.</summary>
    public static string Attempted(string email, string? reason = null) =>
        reason is null ? $"Thư điện tử đã nhập: {email}" : $"Thư điện tử đã nhập: {email} ({reason})";

    public static string RecoveryCode(int left) => $"Mật khẩu và mã khôi phục (còn {left} mã)";
}
