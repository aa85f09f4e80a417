using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Xunit.Sdk;

namespace Portal.E2E.TestHost;

/// <summary>
/// axe-core checks at WCAG 2.2 AA (the A and AA rules of 2.0, 2.1 and 2.2), with the axe-core that
/// Deque.AxeCore.Playwright bundles (4.14.0).
/// </summary>
internal static class Axe
{
    public static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    private static readonly Lazy<string> Source = new(() => new BundledAxeScriptProvider().GetScript());

    public static AxeRunOptions WcagOptions() => new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] },
        // Full node details for violations only: less to serialise back from the page.
        ResultTypes = [ResultType.Violations],
    };

    /// <summary>
    /// Runs <c>axe.run</c> in the page itself with <see cref="WcagOptions"/>: ~0.3 s a page. Deque's
    /// <see cref="RunWcagAxeIsolatedAsync"/> gives the same findings but takes ~3 s on this 2-core box, because it
    /// opens a fresh browser context for every run to finish the results in. axe is put into every frame, so
    /// same-origin iframes are checked too; use the isolated run for pages that embed cross-origin frames.
    /// </summary>
    public static async Task<AxeResult> RunWcagAxeAsync(this IPage page)
    {
        // Every frame needs its own axe, or axe.run cannot look inside it.
        foreach (var frame in page.Frames)
        {
            if (!await frame.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
            {
                await frame.EvaluateAsync($"() => {Source.Value}");
                // As Deque does: the help links then name the .NET integration.
                await frame.EvaluateAsync("() => axe.configure({ branding: 'axe-core-playwright-nuget' })");
            }
        }

        var json = await page.EvaluateAsync<string>(
            "async options => JSON.stringify(await axe.run(document, JSON.parse(options)))",
            JsonConvert.SerializeObject(WcagOptions()));
        return new AxeResult(JObject.Parse(json));
    }

    /// <summary>Deque's own <c>page.RunAxe</c> (axe.runPartial in every frame, finishRun in an isolated page).</summary>
    public static Task<AxeResult> RunWcagAxeIsolatedAsync(this IPage page) => page.RunAxe(WcagOptions());

    /// <summary>Fails with every violation: rule id, impact, help, link, and each offending element's selector and HTML.</summary>
    public static void AssertNoViolations(AxeResult result, string where)
    {
        if (result.Violations is not { Length: > 0 } violations)
        {
            return;
        }

        throw new XunitException(Describe(violations, where));
    }

    public static string Describe(IReadOnlyCollection<AxeResultItem> violations, string where)
    {
        var text = new StringBuilder();
        text.Append($"axe found {violations.Count} violation(s) on {where}:");
        foreach (var violation in violations)
        {
            text.AppendLine();
            text.Append($"- {violation.Id} [{violation.Impact}] {violation.Help} ({violation.HelpUrl})");
            foreach (var node in violation.Nodes ?? [])
            {
                text.AppendLine();
                text.Append($"    at {Selector(node.Target)}  {Shorten(node.Html)}");
                foreach (var message in Messages(node))
                {
                    text.AppendLine();
                    text.Append($"       {message}");
                }
            }
        }

        return text.ToString();
    }

    /// <summary>One line per offending element, <c>rule-id @ selector</c>, sorted: for comparing two runs.</summary>
    public static IReadOnlyList<string> Findings(AxeResult result) =>
        (result.Violations ?? [])
            .SelectMany(v => (v.Nodes ?? []).Select(n => $"{v.Id} @ {Selector(n.Target)}"))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// The CSS selector; inside an iframe the frame selectors come first (<c>iframe &gt;&gt; button</c>), and
    /// inside a shadow root the host comes first (<c>my-menu &gt;&gt;&gt; button</c>).
    /// </summary>
    private static string Selector(AxeSelector? target) =>
        target?.FrameShadowSelectors is { Count: > 0 } frames
            ? string.Join(" >> ", frames.Select(shadows => string.Join(" >>> ", shadows)))
            : "(no selector)";

    /// <summary>Why the element fails: the first "any" check (all of them failed) and every failed "all"/"none" check.</summary>
    private static IEnumerable<string> Messages(AxeResultNode node) =>
        (node.Any ?? []).Take(1).Concat(node.All ?? []).Concat(node.None ?? [])
            .Select(c => c.Message)
            .Where(m => !string.IsNullOrWhiteSpace(m))
            .Distinct();

    private static string Shorten(string? html)
    {
        var flat = (html ?? string.Empty).ReplaceLineEndings(" ");
        return flat.Length <= 160 ? flat : flat[..157] + "...";
    }
}
