using Microsoft.Extensions.Logging.Abstractions;
using Portal.Infrastructure.Search;

namespace Portal.Infrastructure.Tests.Search;

/// <summary>A real index on disk in a temporary folder, filled with the given documents.</summary>
internal sealed class SearchTestIndex : IDisposable
{
    private SearchTestIndex(string folder)
    {
        Folder = folder;
        Index = new SearchIndex("public", "Tìm kiếm", folder, NullLogger.Instance);
    }

    public string Folder { get; }

    public SearchIndex Index { get; private set; }

    public static SearchTestIndex With(params SearchDocument[] documents)
    {
        var test = new SearchTestIndex(Directory.CreateTempSubdirectory("portal-search-").FullName);
        var built = test.Index.CreateGeneration();
        foreach (var document in documents)
        {
            built.Add(document);
        }

        test.Index.Swap(built, position: 7);
        return test;
    }

    /// <summary>Closes the index as a stopping node does and opens it again as the next start does.</summary>
    public long? Reopen()
    {
        Index.Dispose();
        Index = new SearchIndex("public", "Tìm kiếm", Folder, NullLogger.Instance);
        return Index.Open();
    }

    /// <summary>The folder of the generation answering now.</summary>
    public string GenerationFolder => Path.Combine(Folder, File.ReadAllText(Path.Combine(Folder, "current")).Trim());

    public static SearchDocument Document(string title, string text = "", string type = "article", DateTime? date = null, Guid? unit = null,
        string[]? codes = null, Guid? key = null, string? path = null)
    {
        var id = key ?? Guid.NewGuid();
        return new SearchDocument(id, path ?? $"/{id:N}/", type, title, null, text, "/" + id.ToString("N"), date ?? new DateTime(2026, 5, 1, 0, 0, 0, DateTimeKind.Utc),
            unit, codes ?? [], Published: true);
    }

    public void Dispose()
    {
        Index.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
