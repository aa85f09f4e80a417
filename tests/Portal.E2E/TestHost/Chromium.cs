using Microsoft.Playwright;

namespace Portal.E2E.TestHost;

/// <summary>Launches the system Chromium (Debian package); Playwright's own browser download is never used.</summary>
internal static class Chromium
{
    private const string DebianPath = "/usr/bin/chromium";

    private static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    /// <summary>PORTAL_CHROMIUM when that file exists, else /usr/bin/chromium when present; otherwise the run fails (never skips).</summary>
    public static string ExecutablePath
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("PORTAL_CHROMIUM");
            if (!string.IsNullOrWhiteSpace(configured) && File.Exists(configured))
            {
                return configured;
            }

            if (File.Exists(DebianPath))
            {
                return DebianPath;
            }

            var tried = string.IsNullOrWhiteSpace(configured) ? DebianPath : $"PORTAL_CHROMIUM={configured}, {DebianPath}";
            throw new InvalidOperationException($"Chromium not found: run scripts/test.sh, which installs it (tried {tried}).");
        }
    }

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Arguments,
        });
}
