namespace Portal.Infrastructure.Search;

/// <summary>
/// One document as an index holds it. <see cref="Text"/> is plain text (rich text and blocks reduced to words);
/// <see cref="Codes"/> are procedure codes matched whole; <see cref="Path"/> the tree path (<c>/key/key/</c>);
/// <see cref="Keywords"/> the words editors chose for search, weighed like the title.
/// </summary>
public sealed record SearchDocument(
    Guid Key,
    string Path,
    string ContentTypeAlias,
    string Title,
    string? Summary,
    string Text,
    string Url,
    DateTime Date,
    Guid? UnitKey,
    IReadOnlyList<string> Codes,
    bool Published,
    string Keywords = "");
