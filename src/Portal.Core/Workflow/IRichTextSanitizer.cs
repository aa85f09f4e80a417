namespace Portal.Core.Workflow;

/// <summary>Cleans editor HTML of anything that could run script, whatever the client sent.</summary>
public interface IRichTextSanitizer
{
    string Sanitize(string html);
}
