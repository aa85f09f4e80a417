namespace Portal.Web.Features.Backoffice.MediaLibrary;

// Forms posted by the media pages (public: MVC binds action parameters). Keys arrive as text and are read by the actions,
// so a damaged value becomes a Vietnamese message beside its field rather than a binding error nobody sees.

public sealed class MediaUploadForm
{
    public IFormFile? File { get; set; }
    public string? Name { get; set; }
    public string? AltText { get; set; }
    public string? Folder { get; set; }
}

public sealed class MediaFolderForm
{
    public string? Name { get; set; }
    public string? Parent { get; set; }
}

public sealed class MediaDetailsForm
{
    public string? Name { get; set; }
    public string? AltText { get; set; }

    /// <summary>Percent from the left edge, 0–100.</summary>
    public string? FocalLeft { get; set; }

    /// <summary>Percent from the top edge, 0–100.</summary>
    public string? FocalTop { get; set; }

    /// <summary>The item's version when the page was opened; a newer one means someone else changed it meanwhile.</summary>
    public int? Version { get; set; }
}

public sealed class MediaReplaceForm
{
    public IFormFile? File { get; set; }
    public int? Version { get; set; }
}
