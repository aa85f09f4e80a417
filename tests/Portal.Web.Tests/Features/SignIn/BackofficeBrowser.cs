using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Access;
using Portal.Data.Access;
using Portal.Data.Users;

namespace Portal.Web.Tests.Features.SignIn;

/// <summary>
/// A person's browser on the backoffice pages: keeps cookies, follows no redirect on its own (tests look at them), and
/// sends each form back with the anti-forgery token of the page it came from, as a browser does.
/// </summary>
internal sealed partial class BackofficeBrowser(HttpClient client) : IDisposable
{
    public const string SignInPath = "/umbraco/dang-nhap";
    public const string SecondFactorPath = "/umbraco/dang-nhap/ma-xac-thuc";
    public const string TwoFactorPath = "/umbraco/tai-khoan/xac-thuc-hai-buoc";

    public HttpClient Client { get; } = client;

    public static BackofficeBrowser Open(WebApplicationFactory<Program> factory) =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public async Task<(HttpResponseMessage Response, string Html)> GetAsync(string path)
    {
        var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
        return (response, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Opens <paramref name="formPage"/>, then posts the fields with its token to <paramref name="action"/>.</summary>
    public async Task<(HttpResponseMessage Response, string Html)> SubmitAsync(string formPage, string action, IReadOnlyDictionary<string, string> fields)
    {
        var (page, html) = await GetAsync(formPage);
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"GET {formPage}: {(int)page.StatusCode}");
        return await PostAsync(action, fields, TokenIn(html, action));
    }

    public async Task<(HttpResponseMessage Response, string Html)> PostAsync(string action, IReadOnlyDictionary<string, string> fields, string? token)
    {
        var all = new Dictionary<string, string>(fields);
        if (token is not null)
        {
            all["__RequestVerificationToken"] = token;
        }

        using var content = new FormUrlEncodedContent(all);
        var response = await Client.PostAsync(new Uri(action, UriKind.Relative), content);
        return (response, await response.Content.ReadAsStringAsync());
    }

    public Task<(HttpResponseMessage Response, string Html)> SignInAsync(string email, string password) =>
        SubmitAsync(SignInPath, SignInPath, new Dictionary<string, string> { ["email"] = email, ["password"] = password });

    /// <summary>Signs in with a password and expects to land on the backoffice.</summary>
    public async Task SignInSuccessfullyAsync(string email, string password)
    {
        var (response, html) = await SignInAsync(email, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in of {email}: {(int)response.StatusCode} {Text(html)}");
        Assert.Equal("/umbraco", response.Headers.Location?.OriginalString);
    }

    public Task<(HttpResponseMessage Response, string Html)> SubmitCodeAsync(string code) =>
        SubmitAsync(SecondFactorPath, SecondFactorPath, new Dictionary<string, string> { ["code"] = code });

    /// <summary>The anti-forgery token of the form that posts to <paramref name="action"/>.</summary>
    public static string TokenIn(string html, string action)
    {
        var form = Regex.Match(html, $"<form[^>]*action=\"{Regex.Escape(action)}\"[^>]*>(.*?)</form>", RegexOptions.Singleline);
        Assert.True(form.Success, $"no form posting to {action}");
        var token = TokenPattern().Match(form.Groups[1].Value);
        Assert.True(token.Success, $"the form posting to {action} has no anti-forgery token");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    /// <summary>The page's visible text, tags removed and entities decoded, for asserting what a person reads.</summary>
    public static string Text(string html) =>
        WebUtility.HtmlDecode(Whitespace().Replace(Tags().Replace(StyleBlock().Replace(html, " "), " "), " ")).Trim();

    public void Dispose() => Client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("<style>.*?</style>", RegexOptions.Singleline)]
    private static partial Regex StyleBlock();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

/// <summary>Accounts a test arranges for itself, through the same Identity services the host uses.</summary>
internal static class BackofficeAccounts
{
    public const string AdminEmail = "quantri@snv.kontum.gov.vn";
    public const string AdminPassword = "Kontum#2018-CCHC";
    public const string Password = "Bien-tap#2026-KonTum";

    /// <summary>Settings every backoffice test starts with: a known administrator and a session check on every request.</summary>
    public static Dictionary<string, string?> Settings(IReadOnlyDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Portal:Admin:Email"] = AdminEmail,
            ["Portal:Admin:Password"] = AdminPassword,
            ["Portal:Security:SessionCheckInterval"] = "00:00:00",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>A person with a password, in the given groups.</summary>
    public static async Task<Guid> CreatePersonAsync(IServiceProvider services, string email, string displayName, params string[] groupAliases)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<BackofficeUser>>();
        var user = new BackofficeUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            CreatedAt = DateTime.UtcNow,
            LockoutEnabled = true,
        };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        var store = scope.ServiceProvider.GetRequiredService<UserGroupStore>();
        var groups = await store.AllAsync(CancellationToken.None);
        await store.SetGroupsAsync(user.Id, groupAliases.Select(a => groups.Single(g => g.Alias == a).Key).ToList(), CancellationToken.None);
        return user.Id;
    }

    public static async Task<BackofficeUser> FindAsync(IServiceProvider services, string email)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<BackofficeUser>>();
        return await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email}.");
    }

    public static string UnitEditorsAlias(IServiceProvider services)
    {
        var groups = services.GetRequiredService<UserGroupStore>().AllAsync(CancellationToken.None).GetAwaiter().GetResult();
        return groups.First(g => g.Alias.StartsWith("unit-", StringComparison.Ordinal) && g.Alias.EndsWith("-editors", StringComparison.Ordinal)).Alias;
    }

    public const string Administrators = UserGroup.AdministratorsAlias;
    public const string Newspaper = "newspaper";
}

/// <summary>RFC 6238 time-based codes, as an authenticator app computes them from the key the page shows.</summary>
internal static class Totp
{
    public static string Code(string sharedKey, DateTimeOffset at)
    {
        var key = Base32(sharedKey.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant());
        var counter = at.ToUnixTimeSeconds() / 30;
        var message = new byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(message, counter);
#pragma warning disable CA5350 // RFC 6238 and every authenticator app use HMAC-SHA1.
        var hash = HMACSHA1.HashData(key, message);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A six-digit code that no step near <paramref name="at"/> accepts.</summary>
    public static string WrongCode(string sharedKey, DateTimeOffset at)
    {
        var near = Enumerable.Range(-3, 7).Select(step => Code(sharedKey, at.AddSeconds(30 * step))).ToHashSet();
        return Enumerable.Range(0, 10).Select(d => new string((char)('0' + d), 6)).First(c => !near.Contains(c));
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('='))
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. bytes];
    }
}
