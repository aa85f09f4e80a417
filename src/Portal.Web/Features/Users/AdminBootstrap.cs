using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Access;
using Portal.Data;
using Portal.Data.Access;
using Portal.Data.Users;
using Portal.Web.Features.Hosting;

namespace Portal.Web.Features.Users;

/// <summary>
/// Creates the first administrator when no backoffice user exists. Without a configured password a strong
/// one is generated and printed once to the console: it is stored only as a hash.
/// </summary>
internal sealed partial class AdminBootstrap(UserManager<BackofficeUser> users, PortalDbContext db, PortalOptions options, TimeProvider clock,
    ILogger<AdminBootstrap> logger)
{
    public const string DefaultEmail = "admin@cchc.kontum.gov.vn";

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (await users.Users.AnyAsync(cancellationToken))
        {
            await EnsureAnAdministratorAsync(cancellationToken);
            return;
        }

        var email = string.IsNullOrWhiteSpace(options.Admin.Email) ? DefaultEmail : options.Admin.Email.Trim();
        var generated = string.IsNullOrEmpty(options.Admin.Password);
        var password = generated ? InitialPasswords.Generate() : options.Admin.Password;
        var user = new BackofficeUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = "Quản trị hệ thống",
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            LockoutEnabled = true,
        };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Không tạo được tài khoản quản trị đầu tiên: "
                + string.Join("; ", result.Errors.Select(e => e.Description))
                + ". Kiểm tra Portal:Admin:Password (ít nhất 12 ký tự, có chữ hoa, chữ thường, chữ số và ký tự đặc biệt).");
        }

        await EnsureAnAdministratorAsync(cancellationToken);
        LogCreated(logger, email);
        if (generated)
        {
            // Printed straight to the console, never to the log sinks, and only this once.
            Console.WriteLine($"""

                ==== Tài khoản quản trị đầu tiên ====
                Thư điện tử: {email}
                Mật khẩu (chỉ hiển thị một lần): {password}
                =====================================

                """);
        }
    }

    /// <summary>
    /// Someone must be able to manage users: when the administrators group has no member (a new site, or one
    /// created before user groups existed), the first person who got an account joins it.
    /// </summary>
    private async Task EnsureAnAdministratorAsync(CancellationToken cancellationToken)
    {
        var administrators = await db.UserGroups.SingleAsync(g => g.Alias == UserGroup.AdministratorsAlias, cancellationToken);
        if (await db.UserGroupMembers.AnyAsync(m => m.GroupKey == administrators.Key, cancellationToken))
        {
            return;
        }

        var first = await db.Users.Where(u => u.Kind == UserKind.Person).OrderBy(u => u.CreatedAt).Select(u => u.Id).FirstAsync(cancellationToken);
        db.UserGroupMembers.Add(new UserGroupMember(first, administrators.Key));
        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the first administrator {Email}")]
    private static partial void LogCreated(ILogger logger, string email);
}
