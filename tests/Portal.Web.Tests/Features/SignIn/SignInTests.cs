using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Text;
using Portal.Data.Users;
using Portal.Web.Tests.TestHost;
using static Portal.Web.Tests.Features.SignIn.BackofficeBrowser;

namespace Portal.Web.Tests.Features.SignIn;

/// <summary>
/// A fresh site without demo content (the fixed user groups are enough) and a known administrator. Some tests post more
/// often than a person would; the rate limit has its own test.
/// </summary>
public abstract class BackofficeTests : FreshSiteTests
{
    private protected const string Generic = "Thư điện tử hoặc mật khẩu không đúng.";
    private protected const string Editor = "bientap@baokontum.com.vn";

    private protected override IReadOnlyDictionary<string, string?> Settings { get; } = BackofficeAccounts.Settings(new Dictionary<string, string?>
    {
        ["Portal:SeedDemoContent"] = "false",
        ["Portal:Security:SignInAttemptsPerMinute"] = "100",
    });

    private protected Task<Guid> CreateEditorAsync() =>
        BackofficeAccounts.CreatePersonAsync(Factory.Services, Editor, "Nguyễn Thị Hoa", BackofficeAccounts.Newspaper);
}

public sealed class SignInTests : BackofficeTests
{

    [Fact]
    public async Task SignIn_RightPassword_LandsOnBackofficeWithGroupsAndSections()
    {
        using var browser = Open(Factory);

        var (page, form) = await browser.GetAsync(SignInPath);
        await browser.SignInSuccessfullyAsync(BackofficeAccounts.AdminEmail, BackofficeAccounts.AdminPassword);
        var (home, html) = await browser.GetAsync("/umbraco");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<html lang=\"vi\">", form, StringComparison.Ordinal);
        Assert.Contains("<label for=\"email\">Thư điện tử</label>", form, StringComparison.Ordinal);
        Assert.Contains("<label for=\"password\">Mật khẩu</label>", form, StringComparison.Ordinal);
        Assert.Contains("no-store", page.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var text = Text(html);
        Assert.Contains("Xin chào, Quản trị hệ thống", text, StringComparison.Ordinal);
        Assert.Contains("Quản trị hệ thống", text[(text.IndexOf("Nhóm người dùng", StringComparison.Ordinal) + 1)..], StringComparison.Ordinal);
        foreach (var section in new[] { "Nội dung", "Chỉ đạo điều hành", "Chuyên trang CCHC", "Thủ tục hành chính", "Người dùng", "Cài đặt" })
        {
            Assert.Contains(section, text, StringComparison.Ordinal);
        }

        Assert.Contains("href=\"/umbraco/tai-khoan/xac-thuc-hai-buoc\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_NewspaperEditor_SeesOnlyTheirGroupAndSections()
    {
        await CreateEditorAsync();
        using var browser = Open(Factory);

        await browser.SignInSuccessfullyAsync(Editor, BackofficeAccounts.Password);
        var text = Text((await browser.GetAsync("/umbraco")).Html);

        Assert.Contains("Xin chào, Nguyễn Thị Hoa", text, StringComparison.Ordinal);
        Assert.Contains("Báo Kon Tum", text, StringComparison.Ordinal);
        Assert.Contains("Chuyên trang CCHC", text, StringComparison.Ordinal);
        Assert.Contains("Media", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Nội dung", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Người dùng", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Cài đặt", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WrongPassword_ShowsGenericMessageAndStaysSignedOut()
    {
        using var browser = Open(Factory);

        var (response, html) = await browser.SignInAsync(BackofficeAccounts.AdminEmail, "Sai-mat-khau#123");
        var (home, _) = await browser.GetAsync("/umbraco");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Generic, Text(html), StringComparison.Ordinal);
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{BackofficeAccounts.AdminEmail}\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith(SignInPath, home.Headers.Location!.PathAndQueryOf(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_EmptyFields_NamesEachMissingField()
    {
        using var browser = Open(Factory);

        var (_, html) = await browser.SignInAsync(string.Empty, string.Empty);

        Assert.Contains("<a href=\"#email\">Nhập thư điện tử.</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#password\">Nhập mật khẩu.</a>", html, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"email-loi\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_ReturnUrlOnAnotherHost_LandsOnTheBackofficeInstead()
    {
        using var browser = Open(Factory);

        var (response, _) = await browser.SubmitAsync(SignInPath, SignInPath, new Dictionary<string, string>
        {
            ["email"] = BackofficeAccounts.AdminEmail,
            ["password"] = BackofficeAccounts.AdminPassword,
            ["returnUrl"] = "https://lua-dao.example/umbraco",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/umbraco", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SignIn_BackofficePageAskedFirst_ReturnsThereAfterSigningIn()
    {
        using var browser = Open(Factory);

        var (challenge, _) = await browser.GetAsync(TwoFactorPath);
        var signInPage = challenge.Headers.Location!.PathAndQueryOf();
        var (page, form) = await browser.GetAsync(signInPage);
        var (response, _) = await browser.PostAsync(SignInPath, new Dictionary<string, string>
        {
            ["email"] = BackofficeAccounts.AdminEmail,
            ["password"] = BackofficeAccounts.AdminPassword,
            ["returnUrl"] = TwoFactorPath,
        }, TokenIn(form, SignInPath));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains($"name=\"returnUrl\" value=\"{TwoFactorPath}\"", form, StringComparison.Ordinal);
        Assert.Equal(TwoFactorPath, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SignOut_AfterSignIn_BackofficeAsksToSignInAgain()
    {
        using var browser = Open(Factory);
        await browser.SignInSuccessfullyAsync(BackofficeAccounts.AdminEmail, BackofficeAccounts.AdminPassword);

        var (signedOut, _) = await browser.SubmitAsync("/umbraco", "/umbraco/dang-xuat", new Dictionary<string, string>());
        var (notice, html) = await browser.GetAsync(signedOut.Headers.Location!.OriginalString);
        var (home, _) = await browser.GetAsync("/umbraco");

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Contains("Bạn đã đăng xuất.", Text(html), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, notice.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }
}

/// <summary>Failures lock an account, and answer the same whether or not the account exists.</summary>
public sealed class SignInLockoutTests : BackofficeTests
{
    [Fact]
    public async Task SignIn_FiveWrongPasswords_SixthWithRightPasswordRefusedWithRetryTime()
    {
        await CreateEditorAsync();
        using var browser = Open(Factory);

        var answers = new List<string>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            answers.Add(Text((await browser.SignInAsync(Editor, "Sai-mat-khau#" + attempt)).Html));
        }

        var (sixth, sixthHtml) = await browser.SignInAsync(Editor, BackofficeAccounts.Password);
        var lockedUntil = (await BackofficeAccounts.FindAsync(Factory.Services, Editor)).LockoutEnd!.Value;
        var expected = "Tài khoản tạm thời bị khóa vì đăng nhập sai quá nhiều lần. Vui lòng thử lại sau "
            + VietnamTime.FromUtc(lockedUntil.UtcDateTime).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) + " (giờ Việt Nam).";

        Assert.All(answers.Take(4), a => Assert.Contains(Generic, a, StringComparison.Ordinal));
        Assert.Contains(expected, answers[4], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, sixth.StatusCode);
        Assert.Contains(expected, Text(sixthHtml), StringComparison.Ordinal);
        Assert.InRange(lockedUntil - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/umbraco")).Response.StatusCode);
    }

    [Fact]
    public async Task SignIn_UnknownEmail_AnsweredLikeAnExistingAccountThroughTheLockout()
    {
        await CreateEditorAsync();
        using var browser = Open(Factory);

        var known = new List<string>();
        var unknown = new List<string>();
        for (var attempt = 0; attempt < 6; attempt++)
        {
            known.Add(WithoutTimes(Text((await browser.SignInAsync(Editor, "Sai-mat-khau#" + attempt)).Html)));
            unknown.Add(WithoutTimes(Text((await browser.SignInAsync("khong-ton-tai@kontum.gov.vn", "Sai-mat-khau#" + attempt)).Html)
                .Replace("khong-ton-tai@kontum.gov.vn", Editor, StringComparison.Ordinal)));
        }

        Assert.Equal(known, unknown);
        Assert.Contains("Tài khoản tạm thời bị khóa", unknown[5], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_ApiUserWithAPassword_IsRefusedLikeAWrongPassword()
    {
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<BackofficeUser>>();
            var api = new BackofficeUser
            {
                UserName = "dong-bo@kontum.gov.vn",
                Email = "dong-bo@kontum.gov.vn",
                Kind = UserKind.Api,
                ClientId = "umbraco-back-office-dong-bo",
                CreatedAt = DateTime.UtcNow,
            };
            Assert.True((await users.CreateAsync(api, BackofficeAccounts.Password)).Succeeded);
        }

        using var browser = Open(Factory);

        var (response, html) = await browser.SignInAsync("dong-bo@kontum.gov.vn", BackofficeAccounts.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Generic, Text(html), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/umbraco")).Response.StatusCode);
    }

    [Fact]
    public async Task SignIn_PostWithoutAntiforgeryToken_Answers400AndSignsNobodyIn()
    {
        using var browser = Open(Factory);
        await browser.GetAsync(SignInPath);

        var (response, html) = await browser.PostAsync(SignInPath,
            new Dictionary<string, string> { ["email"] = BackofficeAccounts.AdminEmail, ["password"] = BackofficeAccounts.AdminPassword }, token: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Biểu mẫu bạn gửi đã hết hạn hoặc không hợp lệ.", Text(html), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/umbraco")).Response.StatusCode);
    }

    private static string WithoutTimes(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, @"\d{2}/\d{2}/\d{4} \d{2}:\d{2}", "…");
}

/// <summary>Sign-in attempts per address are limited, with a Vietnamese page for the refused one.</summary>
public sealed class SignInRateLimitTests : FreshSiteTests
{
    private protected override IReadOnlyDictionary<string, string?> Settings { get; } = BackofficeAccounts.Settings(new Dictionary<string, string?>
    {
        ["Portal:SeedDemoContent"] = "false",
        ["Portal:Security:SignInAttemptsPerMinute"] = "3",
    });

    [Fact]
    public async Task SignIn_MoreAttemptsThanAllowedPerMinute_Answers429InVietnamese()
    {
        using var browser = Open(Factory);

        var statuses = new List<HttpStatusCode>();
        var last = string.Empty;
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var (response, html) = await browser.SignInAsync(BackofficeAccounts.AdminEmail, "Sai-mat-khau#" + attempt);
            statuses.Add(response.StatusCode);
            last = html;
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("60", response.Headers.RetryAfter?.ToString());
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Contains("<html lang=\"vi\">", last, StringComparison.Ordinal);
        Assert.Contains("Vui lòng đợi một phút rồi thử lại.", Text(last), StringComparison.Ordinal);
    }
}

internal static class UriPaths
{
    /// <summary>The path and query of a redirect, whether the server wrote it absolute or relative.</summary>
    public static string PathAndQueryOf(this Uri location) =>
        location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
}
