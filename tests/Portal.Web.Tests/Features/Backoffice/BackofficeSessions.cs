using Portal.Web.Tests.Features.SignIn;

namespace Portal.Web.Tests.Features.Backoffice;

/// <summary>A fresh person of one group, signed in on the shared site: each test gets its own, so tests never share a session.</summary>
internal static class BackofficeSessions
{
    public static async Task<BackofficeBrowser> SignedInAsync(this BackofficeSite site, string groupAlias, string name)
    {
        var email = $"{groupAlias.ToLowerInvariant()}-{Guid.NewGuid():N}@kontum.gov.vn";
        await BackofficeAccounts.CreatePersonAsync(site.Services, email, name, groupAlias);
        var browser = site.OpenBrowser();
        await browser.SignInSuccessfullyAsync(email, BackofficeAccounts.Password);
        return browser;
    }
}
