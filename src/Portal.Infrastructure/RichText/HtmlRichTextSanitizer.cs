using Ganss.Xss;
using Portal.Core.Workflow;

namespace Portal.Infrastructure.RichText;

/// <summary>HtmlSanitizer with its safe defaults, plus the attributes government articles need (tables, figures, link targets).</summary>
public sealed class HtmlRichTextSanitizer : IRichTextSanitizer
{
    private readonly HtmlSanitizer sanitizer;

    public HtmlRichTextSanitizer()
    {
        sanitizer = new HtmlSanitizer();
        sanitizer.AllowedTags.Add("figure");
        sanitizer.AllowedTags.Add("figcaption");
        sanitizer.AllowedAttributes.Add("class");
        sanitizer.AllowedAttributes.Add("data-udi");
        sanitizer.AllowedAttributes.Add("scope");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedSchemes.Add("tel");
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowedAttributes.Remove("style");
    }

    public string Sanitize(string html) => sanitizer.Sanitize(html);
}
