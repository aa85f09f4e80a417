using System.Text;
using Portal.Core.Schema;
using Portal.Infrastructure.Schema;
using Portal.Infrastructure.Tests.TestHost;
using Portal.Infrastructure.Usync;

namespace Portal.Infrastructure.Tests.Usync;

public sealed class UsyncSchemaImporterTests
{
    [Fact]
    public async Task Import_RepositorySchema_LoadsEveryContentTypeTheMissionNeeds()
    {
        await using var engine = await SqliteEngine.StartAsync();
        var report = await engine.Get<UsyncSchemaImporter>().ImportAsync(RepositoryPaths.Usync, CancellationToken.None);

        var catalog = engine.Get<ISchemaCatalog>();
        string[] needed = ["home", "column", "article", "directive", "legalDocument", "unitsRoot", "unit", "procedureSet", "procedure",
            "forumRoot", "indexResults", "trainingCourse", "page", "searchPage", "contest", "contestResults", "contestStage", "contestPrize"];
        Assert.All(needed, alias => Assert.NotNull(catalog.FindContentType(alias)));
        Assert.Empty(report.Warnings);
        var article = catalog.FindContentType("article")!;
        string[] articleFields = ["title", "summary", "body", "image", "author", "source", "category", "tags", "unit", "featured"];
        Assert.All(articleFields, f => Assert.NotNull(article.FindField(f)));
        Assert.Equal(FieldEditor.RichText, article.FindField("body")!.Editor);
        var directive = catalog.FindContentType("directive")!;
        string[] directiveFields = ["documentNumber", "issueDate", "signer", "issuingBody", "attachments"];
        Assert.All(directiveFields, f => Assert.NotNull(directive.FindField(f)));
    }

    [Fact]
    public async Task Import_SameFolderTwice_SecondRunChangesNothing()
    {
        await using var engine = await SqliteEngine.StartAsync();
        var importer = engine.Get<UsyncSchemaImporter>();

        var first = await importer.ImportAsync(RepositoryPaths.Usync, CancellationToken.None);
        var second = await importer.ImportAsync(RepositoryPaths.Usync, CancellationToken.None);

        Assert.True(first.Created > 0);
        Assert.Equal(0, second.Created);
        Assert.Equal(first.Created, second.Unchanged);
    }

    [Fact]
    public async Task ImportExportImport_RepositorySchema_GivesTheSameSchema()
    {
        var exportFolder = Directory.CreateTempSubdirectory("portal-export-").FullName;
        try
        {
            IReadOnlyList<ContentType> original;
            IReadOnlyList<DataType> originalData;
            await using (var first = await SqliteEngine.StartAsync())
            {
                await first.Get<UsyncSchemaImporter>().ImportAsync(RepositoryPaths.Usync, CancellationToken.None);
                original = first.Get<SchemaCatalog>().StoredContentTypes;
                originalData = first.Get<SchemaCatalog>().DataTypes;
                await first.Get<UsyncSchemaImporter>().ExportAsync(exportFolder, CancellationToken.None);
            }

            await using var second = await SqliteEngine.StartAsync();
            var report = await second.Get<UsyncSchemaImporter>().ImportAsync(exportFolder, CancellationToken.None);
            var roundTripped = second.Get<SchemaCatalog>().StoredContentTypes;

            Assert.Empty(report.Warnings);
            Assert.Equal(original.Count, roundTripped.Count);
            foreach (var type in original)
            {
                var again = Assert.Single(roundTripped, t => t.Key == type.Key);
                Assert.True(type.SameAs(again), $"Content type {type.Alias} changed in the round trip.");
            }

            Assert.Equal(originalData, second.Get<SchemaCatalog>().DataTypes);
        }
        finally
        {
            Directory.Delete(exportFolder, recursive: true);
        }
    }

    [Fact]
    public async Task Export_Files_AreUsyncV17WithBomAndKeys()
    {
        var exportFolder = Directory.CreateTempSubdirectory("portal-export-").FullName;
        try
        {
            await using var engine = await SqliteEngine.StartAsync();
            await engine.Get<UsyncSchemaImporter>().ImportAsync(RepositoryPaths.Usync, CancellationToken.None);
            await engine.Get<UsyncSchemaImporter>().ExportAsync(exportFolder, CancellationToken.None);

            var article = await File.ReadAllBytesAsync(Path.Combine(exportFolder, "ContentTypes", "article.config"));
            Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, article[..3]);
            var text = Encoding.UTF8.GetString(article, 3, article.Length - 3);
            Assert.Contains("<ContentType Key=\"0cfb16ce-7d8c-5be2-965d-3b81e14c1057\" Alias=\"article\" Level=\"1\">", text, StringComparison.Ordinal);
            Assert.Contains("<Name>Tin bài</Name>", text, StringComparison.Ordinal);
            var usyncConfig = await File.ReadAllTextAsync(Path.Combine(exportFolder, "usync.config"));
            Assert.Contains("<uSync version=\"17.0.0.0\" format=\"10.7.0\" />", usyncConfig, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(exportFolder, recursive: true);
        }
    }

    [Fact]
    public async Task Import_ForeignSiteExport_KeepsUnknownEditorsAndWarns()
    {
        await using var engine = await SqliteEngine.StartAsync();

        var report = await engine.Get<UsyncSchemaImporter>().ImportAsync(RepositoryPaths.Fixture("foreign-v17"), CancellationToken.None);

        var blogPost = engine.Get<ISchemaCatalog>().FindContentType("blogPost");
        Assert.NotNull(blogPost);
        Assert.NotNull(blogPost.FindField("metaDescription"));
        Assert.Equal(FieldEditor.Unknown, blogPost.FindField("themeColour")!.Editor);
        Assert.Contains(report.Warnings, w => w.Contains("Our.Umbraco.ColourSwatches", StringComparison.Ordinal));
        Assert.Null(engine.Get<ISchemaCatalog>().FindDataType(Guid.Parse("11111111-2222-3333-4444-555555555555")));
    }
}
