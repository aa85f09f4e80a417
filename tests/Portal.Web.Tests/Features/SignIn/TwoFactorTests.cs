using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Audit;
using static Portal.Web.Tests.Features.SignIn.BackofficeBrowser;

namespace Portal.Web.Tests.Features.SignIn;

public sealed partial class TwoFactorTests : BackofficeTests
{
    [Fact]
    public async Task TwoFactor_EnabledWithCodeFromPage_SignInAsksForCodeAndAcceptsOnlyTheRightOne()
    {
        await CreateEditorAsync();
        using var browser = Open(Factory);
        await browser.SignInSuccessfullyAsync(Editor, BackofficeAccounts.Password);

        var (setup, setupHtml) = await browser.GetAsync(TwoFactorPath);
        var key = SharedKeyIn(setupHtml);
        var (_, codesHtml) = await browser.PostAsync(TwoFactorPath + "/bat",
            new Dictionary<string, string> { ["code"] = Totp.Code(key, DateTimeOffset.UtcNow) }, TokenIn(setupHtml, TwoFactorPath + "/bat"));
        await browser.SubmitAsync("/umbraco", "/umbraco/dang-xuat", new Dictionary<string, string>());
        var (password, _) = await browser.SignInAsync(Editor, BackofficeAccounts.Password);
        var (notYet, _) = await browser.GetAsync("/umbraco");
        var (wrong, wrongHtml) = await browser.SubmitCodeAsync(Totp.WrongCode(key, DateTimeOffset.UtcNow));
        var (right, _) = await browser.SubmitCodeAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        var (home, homeHtml) = await browser.GetAsync("/umbraco");

        Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
        Assert.Contains("src=\"data:image/png;base64,", setupHtml, StringComparison.Ordinal);
        Assert.Matches("alt=\"Mã QR[^\"]+\"", setupHtml);
        Assert.Matches("^([a-z2-7]{4} )+[a-z2-7]{1,4}$", KeyText().Match(setupHtml).Groups[1].Value);
        Assert.Equal(10, RecoveryCodesIn(codesHtml).Count);
        Assert.Contains("chỉ hiển thị lần này", Text(codesHtml), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.Equal(SecondFactorPath, password.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, notYet.StatusCode);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Mã xác thực không đúng.", Text(wrongHtml), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/umbraco", right.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Xác thực hai bước: đang bật", Text(homeHtml), StringComparison.Ordinal);
        Assert.Equal(
            [
                ("SignedIn", "Mật khẩu và mã từ ứng dụng xác thực"), ("SignInFailed", $"Thư điện tử đã nhập: {Editor} (mã xác thực hai bước không đúng)"),
                ("SignedOut", null), ("TwoFactorEnabled", "Ứng dụng xác thực, 10 mã khôi phục mới"), ("SignedIn", "Mật khẩu"),
            ],
            await AuditOfEditorAsync());
    }

    [Fact]
    public async Task TwoFactor_RecoveryCode_SignsInOnceOnly()
    {
        await CreateEditorAsync();
        using var browser = Open(Factory);
        var codes = await EnableAsync(browser);
        var code = codes[3];

        await browser.SubmitAsync("/umbraco", "/umbraco/dang-xuat", new Dictionary<string, string>());
        await browser.SignInAsync(Editor, BackofficeAccounts.Password);
        var (first, _) = await browser.SubmitCodeAsync(code.ToLowerInvariant().Replace("-", string.Empty, StringComparison.Ordinal));
        var (_, settingsHtml) = await browser.GetAsync(TwoFactorPath);
        await browser.SubmitAsync("/umbraco", "/umbraco/dang-xuat", new Dictionary<string, string>());
        await browser.SignInAsync(Editor, BackofficeAccounts.Password);
        var (again, againHtml) = await browser.SubmitCodeAsync(code);

        Assert.Equal("/umbraco", first.Headers.Location?.OriginalString);
        Assert.Contains("Còn 9 mã khôi phục chưa dùng.", Text(settingsHtml), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Mã xác thực không đúng.", Text(againHtml), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoFactor_FiveWrongCodes_LockTheAccountLikeWrongPasswords()
    {
        await CreateEditorAsync();
        using var browser = Open(Factory);
        await EnableAsync(browser);
        var key = enabledKey!;
        await browser.SubmitAsync("/umbraco", "/umbraco/dang-xuat", new Dictionary<string, string>());
        await browser.SignInAsync(Editor, BackofficeAccounts.Password);

        var answers = new List<string>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            answers.Add(Text((await browser.SubmitCodeAsync(Totp.WrongCode(key, DateTimeOffset.UtcNow))).Html));
        }

        answers.Add(Text((await browser.SubmitCodeAsync("AAAAA-BBBBB")).Html));
        var (afterwards, afterwardsHtml) = await browser.SignInAsync(Editor, BackofficeAccounts.Password);

        Assert.All(answers.Take(4), a => Assert.Contains("Mã xác thực không đúng.", a, StringComparison.Ordinal));
        Assert.Contains("Tài khoản tạm thời bị khóa", answers[4], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
        Assert.Contains("Tài khoản tạm thời bị khóa", Text(afterwardsHtml), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoFactor_TurnedOffWithPassword_SignInNeedsThePasswordOnly()
    {
        await CreateEditorAsync();
        using var browser = Open(Factory);
        await EnableAsync(browser);

        var (_, refused) = await browser.SubmitAsync(TwoFactorPath, TwoFactorPath + "/tat", new Dictionary<string, string> { ["password"] = "Sai-mat-khau#1" });
        var (_, turnedOff) = await browser.SubmitAsync(TwoFactorPath, TwoFactorPath + "/tat",
            new Dictionary<string, string> { ["password"] = BackofficeAccounts.Password });
        await browser.SubmitAsync("/umbraco", "/umbraco/dang-xuat", new Dictionary<string, string>());

        Assert.Contains("Mật khẩu không đúng.", Text(refused), StringComparison.Ordinal);
        Assert.Contains("Đã tắt xác thực hai bước.", Text(turnedOff), StringComparison.Ordinal);
        Assert.Contains("data:image/png;base64,", turnedOff, StringComparison.Ordinal);
        await browser.SignInSuccessfullyAsync(Editor, BackofficeAccounts.Password);
    }

    [Fact]
    public async Task TwoFactor_CodeStepWithoutPasswordStep_SendsBackToSignIn()
    {
        using var browser = Open(Factory);

        var (response, _) = await browser.GetAsync(SecondFactorPath);
        var (notice, html) = await browser.GetAsync(response.Headers.Location!.PathAndQueryOf());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, notice.StatusCode);
        Assert.Contains("Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.", Text(html), StringComparison.Ordinal);
    }

    /// <summary>What the audit log shows about the editor's account, newest first.</summary>
    private async Task<List<(string Action, string? Note)>> AuditOfEditorAsync()
    {
        var editor = await BackofficeAccounts.FindAsync(Factory.Services, Editor);
        var queries = Factory.Services.GetRequiredService<AuditLogQueries>();
        var page = await queries.PageAsync(new AuditLogFilter(EntityType: AuditEntityTypes.User, EntityKey: editor.Id), 0, 100, CancellationToken.None);
        return page.Items.Select(r => (r.Action, r.Note)).ToList();
    }

    /// <summary>The key the last <see cref="EnableAsync"/> read from the page.</summary>
    private string? enabledKey;

    /// <summary>Signs the editor in and turns the second factor on with a code computed from the key the page shows.</summary>
    private async Task<IReadOnlyList<string>> EnableAsync(BackofficeBrowser browser)
    {
        await browser.SignInSuccessfullyAsync(Editor, BackofficeAccounts.Password);
        var (_, html) = await browser.GetAsync(TwoFactorPath);
        enabledKey = SharedKeyIn(html);
        var (response, codesHtml) = await browser.PostAsync(TwoFactorPath + "/bat",
            new Dictionary<string, string> { ["code"] = Totp.Code(enabledKey, DateTimeOffset.UtcNow) }, TokenIn(html, TwoFactorPath + "/bat"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var codes = RecoveryCodesIn(codesHtml);
        Assert.Equal(10, codes.Count);
        return codes;
    }

    private static string SharedKeyIn(string html)
    {
        var match = KeyText().Match(html);
        Assert.True(match.Success, "the page shows no shared key");
        return match.Groups[1].Value.Replace(" ", string.Empty, StringComparison.Ordinal);
    }

    private static List<string> RecoveryCodesIn(string html) =>
        CodesList().Match(html).Groups[1].Value.Split("<li>", StringSplitOptions.RemoveEmptyEntries)
            .Select(c => c.Replace("</li>", string.Empty, StringComparison.Ordinal).Trim())
            .Where(c => c.Length > 0)
            .ToList();

    [GeneratedRegex("<span class=\"key\" data-shared-key>([^<]+)</span>")]
    private static partial Regex KeyText();

    [GeneratedRegex("<ol class=\"codes\" data-recovery-codes>(.*?)</ol>", RegexOptions.Singleline)]
    private static partial Regex CodesList();
}
