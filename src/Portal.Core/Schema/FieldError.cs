namespace Portal.Core.Schema;

/// <summary>One validation message, in Vietnamese, for one field (or <c>name</c> for the page name).</summary>
public sealed record FieldError(string Field, string Message);
