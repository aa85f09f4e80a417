using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Portal.Data.Notifications;
using Portal.Data.Users;
using Portal.Web.Features.Backoffice.Shell;
using Portal.Web.Features.SignIn;

namespace Portal.Web.Features.Backoffice.Dashboard;

/// <summary>The landing page at <c>/umbraco</c>: who is signed in, their groups, their sections and their unread notifications.</summary>
[BackofficeSection(null)]
public sealed class DashboardController : BackofficeController
{
    private static readonly StringComparer Vietnamese = StringComparer.Create(new CultureInfo("vi-VN"), false);

    [HttpGet(BackofficePaths.Root)]
    public async Task<IActionResult> Show(CancellationToken cancellationToken)
    {
        var user = await Service<UserManager<BackofficeUser>>().GetUserAsync(User);
        if (user is null || user.Kind != UserKind.Person)
        {
            return BackofficeResults.Denied();
        }

        var notifications = await Service<NotificationStore>().PageAsync(user.Id, 0, 10, unreadOnly: true, cancellationToken);
        var name = string.IsNullOrWhiteSpace(user.DisplayName) ? user.UserName ?? string.Empty : user.DisplayName;
        var groups = Actor.Groups.Select(g => g.Name).Order(Vietnamese).ToList();
        return View("~/Features/Backoffice/Views/Dashboard.cshtml",
            new DashboardPage(name, user.Email ?? string.Empty, groups, BackofficeFrame.Of(HttpContext)!.Sections, user.TwoFactorEnabled, notifications));
    }
}

internal sealed record DashboardPage(string Name, string Email, IReadOnlyList<string> Groups, IReadOnlyList<string> Sections, bool TwoFactorEnabled,
    NotificationPage Notifications);
